import type { SxProps, Theme } from '@mui/material/styles';

/** The text area reads like the printed page: Times, justified paragraphs, ND30 heading styles. */
export function bodyEditorSx(readOnly: boolean): SxProps<Theme> {
  return {
    border: 1,
    borderColor: 'divider',
    borderRadius: 1,
    bgcolor: readOnly ? 'action.hover' : 'background.paper',
    '& .ProseMirror': {
      minHeight: 160,
      maxWidth: 820,
      px: 4,
      py: 2,
      fontFamily: '"Times New Roman", "Liberation Serif", serif',
      fontSize: '17px',
      lineHeight: 1.45,
      outline: 'none',
      '& p': { margin: '0 0 6px 0', textAlign: 'justify', textIndent: '1cm' },
      '& .nv-h::before': { content: 'attr(data-prefix)' },
      '& .nv-h1': { fontWeight: 700, textTransform: 'uppercase' },
      '& .nv-h2': { fontWeight: 700 },
      '& .nv-h3': { fontWeight: 700, fontStyle: 'italic' },
      '& .nv-h4': { fontStyle: 'italic' },
      '& .nv-item::before': { content: 'attr(data-marker)' },
      '& .nv-not-bold': { fontWeight: 400 },
      '& .nv-not-italic': { fontStyle: 'normal' },
      '& .nv-table': { my: 1, p: 1, border: '1px dashed', borderColor: 'text.disabled', color: 'text.secondary', fontFamily: 'Roboto, sans-serif', fontSize: 14 },
      '& .ProseMirror-selectednode': { outline: '2px solid', outlineColor: 'primary.main' },
    },
    '&:focus-within': { borderColor: 'primary.main' },
  };
}
