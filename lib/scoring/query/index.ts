// The interest query language (syntax and examples at the top of ./parse.ts): parse a query, compile it
// once per change, prepare each paper once, then match every compiled query against the prepared paper.
export { parseQuery, type ParseResult, type QueryField, type QueryNode, type QueryWarning } from './parse';
export {
  compileQuery,
  matchPaper,
  type CompiledQuery,
  type Hit,
  type HitField,
  type MatchResult,
  type Span,
} from './match';
export { preparePaper, PreparedPaper, type PaperLike } from './prepare';
