import { inlineItems } from './enumerations.ts';
import { readFrame } from './frame.ts';
import { headingMarker, type HeadingLevel } from './markers.ts';
import { firstSentence, sentenceEnd, splitLines } from './text.ts';
import type { Node, Signature } from './types.ts';

// The outline of a report as the document nests it. Headings (一、 （一） 1. （1）) open a node at
// their level under the nearest open node of a higher level, so a "1." straight under "一、" nests
// there; body paragraphs belong to the deepest open node, and the inline enumeration items found
// in them become that node's children (top-level nodes for items before the first heading).
// A heading alone on its line ends at the line end; a heading that runs into its paragraph ends
// at its first 。 and the rest of the line is body text.

export interface Outline {
  title: string | null;
  sections: Node[];
  signature: Signature;
}

interface Open {
  node: Node | null;
  level: HeadingLevel | 0;
  /** Body paragraphs read while this node was the deepest open one. */
  paragraphs: string[];
}

/** Reads the outline, title and signature of a report's text. */
export function parseOutline(text: string): Outline {
  const { title, signature, body } = readFrame(splitLines(text));
  const root: Node[] = [];
  const stack: Open[] = [{ node: null, level: 0, paragraphs: [] }];
  const childrenOf = (open: Open) => open.node?.children ?? root;
  // A section's enumeration runs over all its paragraphs, so its items are added when it closes.
  const close = (open: Open) => childrenOf(open).push(...inlineItems(open.paragraphs));

  for (const line of body) {
    const heading = headingMarker(line);
    if (!heading) {
      stack[stack.length - 1]!.paragraphs.push(line);
      continue;
    }
    close(stack[stack.length - 1]!);
    stack[stack.length - 1]!.paragraphs = [];
    while (stack[stack.length - 1]!.level >= heading.level) stack.pop();
    const node: Node = { marker: heading.marker, heading: firstSentence(heading.rest), children: [] };
    childrenOf(stack[stack.length - 1]!).push(node);
    const end = sentenceEnd(heading.rest);
    stack.push({ node, level: heading.level, paragraphs: end < 0 ? [] : [heading.rest.slice(end + 1)] });
  }
  close(stack[stack.length - 1]!);
  return { title, sections: root, signature };
}
