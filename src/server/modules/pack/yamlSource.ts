import { isNode, LineCounter, parseDocument, type ErrorCode } from 'yaml';
import type { PathSegment } from '../../../core/pack/problemPath.ts';
import type { PackProblem } from '../../../core/pack/schema.ts';

// One YAML file of a pack: its data, and where each node of it is, so that a problem found in the
// data later (by zod or the cross-reference checks) can name its line.

export interface Position {
  line: number;
  column: number;
}

export interface YamlSource {
  /** Relative to the pack folder. */
  file: string;
  /** The file's content as plain data; null for an empty file. */
  data: unknown;
  /** Position of the node at `path`, or of its nearest ancestor that exists. */
  locate(path: readonly PathSegment[]): Position | null;
}

/** The YAML parser's error codes that pack authors meet, in words they read. */
const SYNTAX_MESSAGES: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: '缩进不正确',
  TAB_AS_INDENT: '不能用制表符（Tab）缩进',
  DUPLICATE_KEY: '同一层级出现重复的键',
  MISSING_CHAR: '缺少必要的字符（冒号、引号或括号），或缩进有误',
  UNEXPECTED_TOKEN: '出现意外的字符',
  BLOCK_AS_IMPLICIT_KEY: '键值写法不正确（值中含“: ”时请加引号，或检查缩进）',
  MULTILINE_IMPLICIT_KEY: '键不能跨行（可能缺少冒号或缩进有误）',
  MULTIPLE_DOCS: '一个文件只能包含一个 YAML 文档（不要使用 ---）',
  BAD_DQ_ESCAPE: '双引号字符串中的转义符不正确',
  BAD_SCALAR_START: '值的开头字符不合法（含特殊字符时请加引号）',
  BAD_ALIAS: '引用（alias）不存在',
};

/** Parses `text`; syntax errors come back as problems with their line and no data. */
export function parseYaml(file: string, text: string): { source: YamlSource | null; problems: PackProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  // Only the first syntax error: the parser's later ones mostly follow from it.
  const [error] = doc.errors;
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const reason = SYNTAX_MESSAGES[error.code] ?? '格式不正确';
    return { source: null, problems: [{ file, path: '', message: `YAML 语法错误（第${line}行第${col}列）：${reason}`, line, column: col }] };
  }
  const locate = (path: readonly PathSegment[]): Position | null => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        return { line, column: col };
      }
    }
    return null;
  };
  // Aliases are expanded here; the cap keeps a "billion laughs" file from exhausting memory.
  return { source: { file, data: doc.toJS({ maxAliasCount: 100 }) ?? null, locate }, problems: [] };
}
