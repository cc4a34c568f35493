import { Tag } from 'antd';
import type { Provenance, ReportDocument } from './api.ts';
import { BlockEditor, TITLE_BLOCK } from './BlockEditor.tsx';
import { chineseDate, type DisplayBlock, displayBlocks, segmentsOf } from './documentView.ts';
import { Segments } from './Segments.tsx';

interface ReportPaperProps {
  reportId: string;
  document: ReportDocument;
  provenance: Record<string, Provenance>;
  /** Paragraphs open their editor on a click. */
  editable: boolean;
  editingId: string | null;
  onEdit: (blockId: string | null) => void;
  /** Whether the open editor holds unsaved text. */
  onDirtyChange?: (dirty: boolean) => void;
  onFigure: (runId: string) => void;
}

const headingClass = (level: number) => (level === 1 ? 'lz-h1' : level === 2 ? 'lz-h2' : '');

/** The report as it will print: an A4 page in the official layout, each paragraph editable in place. */
export function ReportPaper({ reportId, document: doc, provenance, editable, editingId, onEdit, onDirtyChange, onFigure }: ReportPaperProps) {
  const blocks = displayBlocks(doc);
  const title: DisplayBlock = {
    id: TITLE_BLOCK, kind: 'paragraph', level: 0, marker: '', heading: [], body: segmentsOf(doc.title), joiner: '',
    edited: false, stale: false, figures: 0, marks: 0, editHeading: null, editText: doc.title ?? '',
  };

  const view = (block: DisplayBlock, children: React.ReactNode, className: string) => {
    if (editingId === block.id) return <BlockEditor key={block.id} reportId={reportId} block={block} onClose={() => onEdit(null)} onDirtyChange={onDirtyChange} />;
    const classes = ['lz-block', className, editable ? 'lz-block-editable' : '', block.edited ? 'lz-block-edited' : '', block.stale ? 'lz-block-stale' : ''];
    return (
      <div
        key={block.id}
        id={`lz-block-${block.id}`}
        className={classes.filter(Boolean).join(' ')}
        onClick={editable ? () => onEdit(block.id) : undefined}
        onKeyDown={
          editable
            ? (event) => {
                if (event.key === 'Enter' && event.target === event.currentTarget) onEdit(block.id);
              }
            : undefined
        }
        tabIndex={editable ? 0 : undefined}
        title={editable ? '点击修改这一段（或按回车）' : undefined}
        data-block={block.id}
      >
        {children}
        {block.edited || block.stale ? (
          <span className="lz-block-badge">
            {block.edited ? <Tag color="blue">已修改</Tag> : null}
            {block.stale ? <Tag color="orange">需核对</Tag> : null}
          </span>
        ) : null}
      </div>
    );
  };

  return (
    <div className="lz-paper-wrap">
      <article className="lz-paper" aria-label="报告正文（公文格式）">
        {doc.title ? view(title, <Segments segments={title.body} provenance={provenance} onFigure={onFigure} />, 'lz-paper-title') : null}
        {doc.addressee ? <div className="lz-block lz-paper-addressee">{doc.addressee}：</div> : null}
        {blocks.map((block) =>
          view(
            block,
            block.kind === 'heading' ? (
              <>
                <span className={headingClass(block.level)}>
                  {block.marker}
                  <Segments segments={block.heading} provenance={provenance} onFigure={onFigure} />
                  {block.joiner}
                </span>
                {block.body.length > 0 ? (
                  <span className="lz-run-in-body">
                    <Segments segments={block.body} provenance={provenance} onFigure={onFigure} />
                  </span>
                ) : null}
              </>
            ) : (
              <Segments segments={block.body} provenance={provenance} onFigure={onFigure} />
            ),
            block.kind === 'heading' && block.body.length === 0 ? headingClass(block.level) : '',
          ),
        )}
        {doc.signature ? (
          <>
            {doc.signature.org ? <div className="lz-signature">{doc.signature.org}</div> : null}
            <div className={doc.signature.org ? 'lz-signature-date' : 'lz-signature'}>{chineseDate(doc.signature.date)}</div>
          </>
        ) : null}
      </article>
    </div>
  );
}
