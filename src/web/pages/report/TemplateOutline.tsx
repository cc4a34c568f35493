import { Typography } from 'antd';
import type { Pack } from '../../../core/pack/schema.ts';
import { formatChineseNumeral } from '../../../core/report/numerals.ts';
import type { ParagraphDef, ReportTemplate, SectionDef, SentenceDef } from '../../../core/report/templateModel.ts';
import { readableParts } from './slotText.ts';

const MARKERS = [(n: number) => `${formatChineseNumeral(n)}、`, (n: number) => `（${formatChineseNumeral(n)}）`, (n: number) => `${n}.`, (n: number) => `（${n}）`];

function Text({ text, pack }: { text: string; pack: Pack | undefined }) {
  return (
    <>
      {readableParts(text, pack).map((part, i) =>
        part.slot ? (
          <span key={i} className={part.unbound ? 'lz-slot lz-slot-unbound' : 'lz-slot'}>
            {part.text}
          </span>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}

function Sentences({ sentences, pack }: { sentences: readonly SentenceDef[]; pack: Pack | undefined }) {
  return (
    <>
      {sentences.map((s, i) => (
        <Text key={i} text={s.text} pack={pack} />
      ))}
    </>
  );
}

function Paragraph({ paragraph, pack }: { paragraph: ParagraphDef; pack: Pack | undefined }) {
  return (
    <Typography.Paragraph style={{ marginBottom: 8 }}>
      <Sentences sentences={paragraph.sentences} pack={pack} />
      {paragraph.items.map((item, i) => (
        <span key={i}>
          <span className="lz-outline-marker">{formatChineseNumeral(i + 1)}是</span>
          {item.heading ? `${item.heading}。` : ''}
          <Sentences sentences={item.sentences} pack={pack} />
        </span>
      ))}
    </Typography.Paragraph>
  );
}

function Sections({ sections, depth, pack }: { sections: readonly SectionDef[]; depth: number; pack: Pack | undefined }) {
  return (
    <>
      {sections.map((section, i) => (
        <div key={i} className={depth > 0 ? 'lz-outline-node' : undefined}>
          <Typography.Text strong>
            <span className="lz-outline-marker">{MARKERS[Math.min(depth, 3)]!(i + 1)}</span>
            <Text text={section.heading} pack={pack} />
          </Typography.Text>
          {section.paragraphs.map((p, k) => (
            <Paragraph key={k} paragraph={p} pack={pack} />
          ))}
          <Sections sections={section.sections} depth={depth + 1} pack={pack} />
        </div>
      ))}
    </>
  );
}

/**
 * A template as the user reads it: title, opening, the numbered sections with their sentences, each
 * slot shown as what it stands for (yellow where a placeholder still waits for the user). Numbers are
 * as drafting gives them when nothing is left out.
 */
export function TemplateOutline({ template, pack }: { template: Pick<ReportTemplate, 'title' | 'opening' | 'sections' | 'signature'>; pack: Pack | undefined }) {
  return (
    <div className="lz-outline">
      {template.title ? (
        <Typography.Title level={5} style={{ textAlign: 'center' }}>
          <Text text={template.title} pack={pack} />
        </Typography.Title>
      ) : null}
      {template.opening.map((p, i) => (
        <Paragraph key={i} paragraph={p} pack={pack} />
      ))}
      <Sections sections={template.sections} depth={0} pack={pack} />
      {template.signature?.org ? (
        <Typography.Paragraph style={{ textAlign: 'right', marginTop: 12 }}>
          <Text text={template.signature.org} pack={pack} />
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
