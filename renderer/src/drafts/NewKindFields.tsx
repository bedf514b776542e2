import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Block } from '../../../shared/document/model';
import { draftContentProblems } from '../../../shared/draft-checks';
import type { DraftContent, GiayMoiContent, QuyetDinhContent, ToTrinhContent } from '../../../shared/drafts';
import { BodyEditor } from '../editor/BodyEditor';
import { RefsPicker, type RefOption } from '../plans/RefPicker';

interface FieldsProps<C> {
  content: C;
  readOnly: boolean;
  options: RefOption[];
  onChange: (patch: Partial<C>) => void;
}

/** Lines edited as one text box, one entry a line (căn cứ, Kính gửi, thành phần). */
function LinesField(props: { label: string; value: string[]; readOnly: boolean; helperText?: string; onChange: (lines: string[]) => void }) {
  return (
    <TextField
      label={props.label}
      disabled={props.readOnly}
      multiline
      minRows={2}
      value={props.value.join('\n')}
      helperText={props.helperText ?? 'Mỗi dòng một mục; dấu ";" và "." cuối dòng được thêm khi in.'}
      onChange={(e) => props.onChange(e.target.value.split('\n'))}
    />
  );
}

function QuyetDinhFields({ content, readOnly, onChange }: FieldsProps<QuyetDinhContent>) {
  const articles = content.articles;
  const setArticle = (i: number, blocks: Block[]) => onChange({ articles: articles.map((a, j) => (j === i ? blocks : a)) });
  const removeArticle = (i: number) => {
    const executing = content.executingArticle;
    onChange({ articles: articles.filter((_a, j) => j !== i), executingArticle: executing === null || executing <= i ? executing : executing === i + 1 ? null : executing - 1 });
  };
  const attachment = content.attachment;
  return (
    <>
      <TextField
        label="Thẩm quyền ban hành"
        disabled={readOnly}
        value={content.decidingAuthority}
        onChange={(e) => onChange({ decidingAuthority: e.target.value })}
        helperText='In hoa, căn giữa, trên các dòng căn cứ (ví dụ "GIÁM ĐỐC SỞ NỘI VỤ")'
      />
      <LinesField label="Căn cứ" value={content.bases} readOnly={readOnly} onChange={(bases) => onChange({ bases })} helperText='Mỗi dòng một căn cứ; dòng cuối có thể là "Theo đề nghị của …". Dấu ";" và "." được thêm khi in.' />
      <Typography variant="subtitle2">Các điều (in "Điều 1.", "Điều 2."… ở đầu mỗi điều)</Typography>
      {articles.map((blocks, i) => (
        <Paper key={i} variant="outlined" sx={{ p: 1.5 }} data-testid={`dieu-${i + 1}`}>
          <Stack direction="row" sx={{ alignItems: 'center', mb: 1 }}>
            <Typography sx={{ fontWeight: 700, flex: 1 }}>Điều {i + 1}.</Typography>
            {!readOnly && (
              <IconButton aria-label={`Xóa Điều ${i + 1}`} onClick={() => removeArticle(i)}>
                <DeleteIcon />
              </IconButton>
            )}
          </Stack>
          <BodyEditor label={`Nội dung Điều ${i + 1}`} blocks={blocks} readOnly={readOnly} onChange={(b) => setArticle(i, b as Block[])} />
        </Paper>
      ))}
      {!readOnly && (
        <Button startIcon={<AddIcon />} sx={{ alignSelf: 'flex-start' }} onClick={() => onChange({ articles: [...articles, []] })}>
          Thêm Điều {articles.length + 1}
        </Button>
      )}
      <TextField
        select
        label='Điều thi hành (Nơi nhận "Như Điều …")'
        disabled={readOnly || articles.length === 0}
        value={content.executingArticle ?? 0}
        onChange={(e) => onChange({ executingArticle: Number(e.target.value) || null })}
        sx={{ maxWidth: 360 }}
      >
        <MenuItem value={0}>Điều cuối cùng{articles.length ? ` (Điều ${articles.length})` : ''}</MenuItem>
        {articles.map((_a, i) => (
          <MenuItem key={i} value={i + 1}>
            Điều {i + 1}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        control={<Switch disabled={readOnly} checked={attachment !== null} onChange={(e) => onChange({ attachment: e.target.checked ? { name: 'Kế hoạch', subject: '', body: [] } : null })} />}
        label="Có văn bản ban hành kèm theo (Kế hoạch, Quy chế, Quy định…)"
      />
      {attachment && (
        <Paper variant="outlined" sx={{ p: 1.5 }}>
          <Stack spacing={2}>
            <Stack direction="row" spacing={2}>
              <TextField select label="Tên loại" disabled={readOnly} sx={{ width: 200 }} value={attachment.name} onChange={(e) => onChange({ attachment: { ...attachment, name: e.target.value } })}>
                {['Kế hoạch', 'Quy chế', 'Quy định', 'Đề án', 'Chương trình', 'Hướng dẫn'].map((n) => (
                  <MenuItem key={n} value={n}>
                    {n}
                  </MenuItem>
                ))}
              </TextField>
              <TextField label="Trích yếu văn bản kèm theo" disabled={readOnly} sx={{ flex: 1 }} value={attachment.subject} onChange={(e) => onChange({ attachment: { ...attachment, subject: e.target.value } })} />
            </Stack>
            <BodyEditor label="Nội dung văn bản kèm theo" blocks={attachment.body} readOnly={readOnly} onChange={(body) => onChange({ attachment: { ...attachment, body: body as Block[] } })} />
          </Stack>
        </Paper>
      )}
    </>
  );
}

function ToTrinhFields({ content, readOnly, onChange }: FieldsProps<ToTrinhContent>) {
  return (
    <>
      <LinesField label="Kính gửi" value={content.recipients} readOnly={readOnly} onChange={(recipients) => onChange({ recipients })} helperText='Mỗi dòng một cơ quan nhận (ví dụ "Ủy ban nhân dân tỉnh").' />
      <Typography variant="subtitle2">Nội dung</Typography>
      <BodyEditor label="Nội dung tờ trình" blocks={content.body} readOnly={readOnly} onChange={(body) => onChange({ body: body as Block[] })} />
    </>
  );
}

function GiayMoiFields({ content, readOnly, options, onChange }: FieldsProps<GiayMoiContent>) {
  return (
    <>
      <RefsPicker disabled={readOnly} label="Kính gửi (để trống nếu lời mời đã nêu thành phần)" options={options} value={content.recipients} onChange={(recipients) => onChange({ recipients })} />
      <TextField label="Lời mời" disabled={readOnly} multiline minRows={2} value={content.invitation} onChange={(e) => onChange({ invitation: e.target.value })} helperText='Ví dụ "Sở Nội vụ trân trọng kính mời … tham dự Hội nghị …"' />
      <Stack direction="row" spacing={2}>
        <TextField label="Thời gian" disabled={readOnly} sx={{ flex: 1 }} value={content.time} onChange={(e) => onChange({ time: e.target.value })} helperText='Ví dụ "08 giờ 00 phút, ngày 25 tháng 3 năm 2025"' />
        <TextField label="Địa điểm" disabled={readOnly} sx={{ flex: 1 }} value={content.place} onChange={(e) => onChange({ place: e.target.value })} />
      </Stack>
      <TextField label="Chủ trì" disabled={readOnly} value={content.chair} onChange={(e) => onChange({ chair: e.target.value })} />
      <LinesField label="Thành phần" value={content.participants} readOnly={readOnly} onChange={(participants) => onChange({ participants })} />
      <Typography variant="subtitle2">Nội dung cuộc họp và đề nghị</Typography>
      <BodyEditor label="Nội dung giấy mời" blocks={content.body} readOnly={readOnly} onChange={(body) => onChange({ body: body as Block[] })} />
    </>
  );
}

/** The content fields of a Quyết định, Tờ trình or Giấy mời, and what still keeps it from printing. */
export function NewKindFields(props: FieldsProps<DraftContent>) {
  const { content } = props;
  const problems = props.readOnly ? [] : draftContentProblems(content);
  const fields =
    content.kind === 'quyet-dinh' ? (
      <QuyetDinhFields {...(props as FieldsProps<QuyetDinhContent>)} content={content} />
    ) : content.kind === 'to-trinh' ? (
      <ToTrinhFields {...(props as FieldsProps<ToTrinhContent>)} content={content} />
    ) : content.kind === 'giay-moi' ? (
      <GiayMoiFields {...(props as FieldsProps<GiayMoiContent>)} content={content} />
    ) : null;
  return (
    <>
      {fields}
      {problems.length > 0 && (
        <Alert severity="info" data-testid="con-thieu">
          Cần bổ sung trước khi xem trước hoặc ban hành:
          <ul style={{ margin: 0 }}>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      )}
    </>
  );
}

export const isNewKind = (kind: string): boolean => kind === 'quyet-dinh' || kind === 'to-trinh' || kind === 'giay-moi';
