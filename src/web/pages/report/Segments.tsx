import type { KeyboardEvent, MouseEvent } from 'react';
import type { Provenance } from './api.ts';
import type { Segment } from './documentView.ts';
import { MARK_LABELS } from './labels.ts';

interface SegmentsProps {
  segments: readonly Segment[];
  provenance: Record<string, Provenance>;
  /** A figure or list clicked: show the records it counts. */
  onFigure: (runId: string) => void;
}

/** A paragraph's text: figures and lists highlighted and clickable, marks left for the user in yellow. */
export function Segments({ segments, provenance, onFigure }: SegmentsProps) {
  return (
    <>
      {segments.map((segment, i) => {
        if (segment.runId && provenance[segment.runId]) {
          const p = provenance[segment.runId]!;
          const open = (event: MouseEvent | KeyboardEvent) => {
            // The paragraph around it opens its editor on a click: the figure keeps the click.
            event.stopPropagation();
            onFigure(segment.runId!);
          };
          return (
            <span
              key={i}
              role="button"
              tabIndex={0}
              className={`lz-fig${segment.mark ? ' lz-mark' : ''}`}
              title={`${p.label}：依据${p.recordCount}条台账记录，点击查看`}
              data-run={segment.runId}
              onClick={open}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  open(event);
                }
              }}
            >
              {segment.text}
            </span>
          );
        }
        if (segment.mark) {
          return (
            <span key={i} className="lz-mark" title={MARK_LABELS[segment.mark]}>
              {segment.text}
            </span>
          );
        }
        return <span key={i}>{segment.text}</span>;
      })}
    </>
  );
}
