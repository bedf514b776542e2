import { getSchema } from '@tiptap/core';
import { Node as PmNode } from '@tiptap/pm/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BlockSchema } from '../../shared/document/model';
import type { BodyBlock } from '../../shared/paste';
import { cleanText } from '../../shared/text';
import { STYLES, toEditor, toModel, type PmDoc, type Run } from '../../renderer/src/editor/mapping';
import { SCHEMA_EXTENSIONS } from '../../renderer/src/editor/schema';

const Body = z.array(BlockSchema);
const schema = getSchema(SCHEMA_EXTENSIONS);

/** model → editor JSON → the real ProseMirror schema (throws on anything it cannot hold) → JSON → model. */
function roundTrip(blocks: BodyBlock[]): BodyBlock[] {
  const node = PmNode.fromJSON(schema, toEditor(blocks));
  node.check();
  return toModel(node.toJSON() as PmDoc);
}

const RUNS = Number(process.env.NOIVU_FUZZ_RUNS ?? 300);
const word = fc.stringMatching(/^[A-Za-zĐđàáảãạăắâấêếôốơớưứỳýỹ0-9:;,./()"“”–-]{1,8}$/);
const words = fc.array(word, { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const style = fc.constantFrom(undefined, true, false);
const styles = fc.record({ bold: style, italic: style, underline: style });
const key = (r: Partial<Run>) => STYLES.map((s) => String(r[s])).join();

/** A run as the model keeps it: cleaned core, one optional space on each edge. */
const canonicalRun = fc.tuple(words, fc.boolean(), fc.boolean(), styles).map(([core, lead, trail, st]) => {
  const run: Run = { text: (lead ? ' ' : '') + core + (trail ? ' ' : '') };
  for (const s of STYLES) if (st[s] !== undefined) run[s] = st[s];
  return run;
});
const canonicalInline = fc.oneof(
  words,
  fc
    .array(canonicalRun, { minLength: 1, maxLength: 5 })
    .filter((runs) => runs.some((r) => key(r) !== key({})) && runs.every((r, i) => i === 0 || key(r) !== key(runs[i - 1]!))),
);
const table: BodyBlock = {
  type: 'table',
  columns: [{ header: 'TT', width: 6 }, { header: 'Nội dung', width: 60, align: 'left' }],
  groups: [{ index: 'I', title: 'NHÓM', rows: [['1', 'Rà soát'], [null, 'Kiểm tra']] }],
};
const canonicalBlock: fc.Arbitrary<BodyBlock> = fc.oneof(
  fc.record({ type: fc.constant('paragraph' as const), text: canonicalInline }),
  fc.record({ type: fc.constant('item' as const), marker: fc.constantFrom('-' as const, '+' as const), text: canonicalInline }),
  fc.record({ type: fc.constant('heading' as const), level: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), number: fc.stringMatching(/^[IVX1-9a-e.]{1,4}$/), text: canonicalInline }),
  fc.record({ type: fc.constant('heading' as const), level: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), text: canonicalInline }),
  fc.constant(table),
);

/** Raw runs as anything may send them: odd spaces, doubled spaces, empty and blank runs, neighbours with equal styles. */
const messyText = fc.array(fc.constantFrom('Sở', 'Nội', 'vụ', ' ', '  ', '\u00a0', '\u200b', 'Thứ nhất,', '\t', 'đ', 'x'), { minLength: 0, maxLength: 6 }).map((p) => p.join(''));
const messyRun = fc.tuple(messyText, styles).map(([text, st]) => ({ text, ...Object.fromEntries(STYLES.filter((s) => st[s] !== undefined).map((s) => [s, st[s]])) }));
const messyInline = fc.oneof(messyText, fc.array(messyRun, { minLength: 1, maxLength: 6 }));
const messyBlock = fc.oneof(
  fc.record({ type: fc.constant('paragraph'), text: messyInline }),
  fc.record({ type: fc.constant('heading'), level: fc.constantFrom(1, 2, 3, 4), number: fc.constantFrom(undefined, '', ' ii ', 'I'), text: messyInline }),
  fc.record({ type: fc.constant('item'), marker: fc.constantFrom('-', '+'), text: messyInline }),
);

/** What a reader sees: the visible characters with their styles, and the words. */
function visible(blocks: BodyBlock[]) {
  return blocks.map((b) => {
    if (b.type === 'table') return b;
    const runs: Run[] = typeof b.text === 'string' ? [{ text: b.text }] : (b.text as Run[]);
    const chars = runs.flatMap((r) => [...r.text.replace(/\s/g, '')].map((c) => `${c}|${key(r)}`));
    return { type: b.type, level: 'level' in b ? b.level : undefined, marker: 'marker' in b ? b.marker : undefined, number: 'number' in b ? (b.number ?? undefined) : undefined, chars, words: cleanText(runs.map((r) => r.text).join(' ')).split(' ').length };
  });
}

describe('body editor mapping (model ↔ ProseMirror)', () => {
  it('model → editor → model is the identity for every valid body in the form the model keeps', () => {
    fc.assert(
      fc.property(fc.array(canonicalBlock, { maxLength: 8 }), (body) => {
        expect(Body.parse(body)).toEqual(body); // the generator only makes valid, already-clean bodies
        expect(roundTrip(body)).toEqual(body);
      }),
      { numRuns: RUNS },
    );
  });

  it('any valid body comes back valid, stable and looking the same (same visible characters and styles)', () => {
    fc.assert(
      fc.property(fc.array(messyBlock, { maxLength: 6 }), (raw) => {
        const parsed = Body.safeParse(raw);
        fc.pre(parsed.success);
        const body = parsed.data as BodyBlock[];
        const out = roundTrip(body);
        expect(Body.parse(out)).toEqual(out);
        expect(roundTrip(out)).toEqual(out);
        expect(visible(out).map((v) => ('chars' in v ? v.chars : v))).toEqual(visible(body).map((v) => ('chars' in v ? v.chars : v)));
        expect(out.map((b) => b.type)).toEqual(body.map((b) => b.type));
      }),
      { numRuns: RUNS },
    );
  });

  it('a plain string stays a plain string; runs without any style become one', () => {
    expect(roundTrip([{ type: 'paragraph', text: 'Đề nghị các cơ quan.' }])).toEqual([{ type: 'paragraph', text: 'Đề nghị các cơ quan.' }]);
    expect(roundTrip([{ type: 'paragraph', text: [{ text: 'Đề nghị ' }, { text: 'các cơ quan.' }] }])).toEqual([{ type: 'paragraph', text: 'Đề nghị các cơ quan.' }]);
  });

  it('keeps the edge spaces between runs and the styles, including underline', () => {
    const body: BodyBlock[] = [{ type: 'paragraph', text: [{ text: '2. Sở Tư pháp: ', bold: true }, { text: 'nâng cao ' }, { text: 'chất lượng', underline: true, italic: true }, { text: '.' }] }];
    expect(roundTrip(body)).toEqual(body);
  });

  it('keeps an explicit "bold: false" (plain words inside a bold heading)', () => {
    const body: BodyBlock[] = [{ type: 'heading', level: 2, number: '1', text: [{ text: 'Kết quả ' }, { text: '(tính đến 30/6)', bold: false }] }];
    expect(roundTrip(body)).toEqual(body);
    expect(toEditor(body).content[0]).toMatchObject({ content: [{ text: 'Kết quả ' }, { text: '(tính đến 30/6)', marks: [{ type: 'bold', attrs: { value: false } }] }] });
  });

  it('merges neighbours with the same styles, and a styled space joins its neighbour so words stay apart', () => {
    const doc: PmDoc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Thứ', marks: [{ type: 'italic' }] }, { type: 'text', text: ' nhất,', marks: [{ type: 'italic', attrs: { value: true } }] }, { type: 'text', text: ' ', marks: [{ type: 'bold' }] }, { type: 'text', text: 'tăng cường' }] },
      ],
    };
    expect(toModel(doc)).toEqual([{ type: 'paragraph', text: [{ text: 'Thứ nhất, ', italic: true }, { text: 'tăng cường' }] }]);
  });

  it('cleans text as the model does (odd spaces, zero-width characters, doubled spaces)', () => {
    const doc: PmDoc = { type: 'doc', content: [{ type: 'item', attrs: { marker: '+' }, content: [{ type: 'text', text: ' Sở\u00a0Nội\u200b vụ   tỉnh ' }] }] };
    expect(toModel(doc)).toEqual([{ type: 'item', marker: '+', text: 'Sở Nội vụ tỉnh' }]);
  });

  it('drops on save only the blocks the model cannot hold: a heading, paragraph or item without visible text', () => {
    const doc: PmDoc = {
      type: 'doc',
      content: [
        { type: 'paragraph' },
        { type: 'paragraph', content: [{ type: 'text', text: '   ', marks: [{ type: 'bold' }] }] },
        { type: 'heading', attrs: { level: 1, number: 'II' } },
        { type: 'item', attrs: { marker: '-' } },
        { type: 'paragraph', content: [{ type: 'text', text: 'Còn lại' }] },
      ],
    };
    expect(toModel(doc)).toEqual([{ type: 'paragraph', text: 'Còn lại' }]);
  });

  it('a heading number is cleaned, and an empty one is absent', () => {
    const doc: PmDoc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3, number: ' 1.1 ' }, content: [{ type: 'text', text: 'A' }] },
        { type: 'heading', attrs: { level: 4, number: '' }, content: [{ type: 'text', text: 'B' }] },
      ],
    };
    expect(toModel(doc)).toEqual([{ type: 'heading', level: 3, number: '1.1', text: 'A' }, { type: 'heading', level: 4, text: 'B' }]);
  });

  it('a table comes back as the very same object', () => {
    const out = toModel(toEditor([table]));
    expect(out[0]).toBe(table);
    expect(roundTrip([table])).toEqual([table]);
  });

  it('an empty body opens with one empty paragraph and saves as an empty body', () => {
    expect(toEditor([])).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(roundTrip([])).toEqual([]);
  });

  it('the schema refuses what the model cannot say (links, lists, images, other marks)', () => {
    expect(() => PmNode.fromJSON(schema, { type: 'doc', content: [{ type: 'bulletList', content: [] }] })).toThrow();
    expect(() => PmNode.fromJSON(schema, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link' }] }] }] })).toThrow();
    expect(() => PmNode.fromJSON(schema, { type: 'doc', content: [{ type: 'image' }] })).toThrow();
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'italic', 'underline']);
    expect(Object.keys(schema.nodes).sort()).toEqual(['doc', 'heading', 'item', 'modelTable', 'paragraph', 'text']);
  });
});
