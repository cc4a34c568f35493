import type { Node } from './api.ts';

/** An old report's outline as the document nests it: headings at their levels, inline items (一是…) under them. */
export function OutlineTree({ nodes }: { nodes: readonly Node[] }) {
  if (nodes.length === 0) return null;
  return (
    <div className="lz-outline">
      {nodes.map((node, i) => (
        <div key={i} className="lz-outline-node" role="treeitem" aria-label={`${node.marker}${node.heading}`}>
          <span className="lz-outline-marker">{node.marker}</span>
          {node.heading}
          <OutlineTree nodes={node.children} />
        </div>
      ))}
    </div>
  );
}
