import { describe, expect, it } from 'vitest';
import { parseQuery, type QueryNode } from '../../../../lib/scoring/query';

/** A compact rendering of the AST: (and …), (or …), (not …), word, "phrase", field:term, /regex/. */
function show(node: QueryNode): string {
  switch (node.type) {
    case 'and':
    case 'or':
      return `(${node.type} ${node.children.map(show).join(' ')})`;
    case 'not':
      return `(not ${show(node.child)})`;
    case 'regex':
      return `${node.field ? `${node.field}:` : ''}${node.display}`;
    case 'term': {
      const words = node.words.map(
        (w) => `${w.sep}${w.mode === 'stem' ? '' : `${w.mode}:`}${w.text}${w.prefix ? '*' : ''}`,
      );
      const value = node.words.length ? words.join(' ') : node.value;
      return `${node.field ? `${node.field}:` : ''}${node.words.length > 1 ? `[${value}]` : value}`;
    }
  }
}

function ast(query: string): string {
  const parsed = parseQuery(query);
  if (!parsed.ok) throw new Error(`${parsed.error} at ${parsed.position}`);
  return show(parsed.ast);
}

function error(query: string): { error: string; position: number } {
  const parsed = parseQuery(query);
  if (parsed.ok) throw new Error(`"${query}" parsed: ${show(parsed.ast)}`);
  return { error: parsed.error, position: parsed.position };
}

describe('query syntax', () => {
  it('reads words and quoted phrases; AND is implicit', () => {
    expect(ast('agent')).toBe('agent');
    expect(ast('agent planning')).toBe('(and agent planning)');
    expect(ast('agent AND planning')).toBe('(and agent planning)');
    expect(ast('"reward model"')).toBe('[reward model]');
    expect(ast('  “reward model”  ')).toBe('[reward model]');
  });

  it('splits a hyphenated word into a phrase, keeping other marks between its words', () => {
    expect(ast('self-attention')).toBe('[self attention]');
    expect(ast('GPT-3.5')).toBe('[acronym:GPT 3 .5]');
    expect(ast('cs.LG')).toBe('[cs .acronym:LG]');
  });

  it('gives OR (and the comma) a lower precedence than AND, and NOT the highest', () => {
    expect(ast('a b OR c')).toBe('(or (and a b) c)');
    expect(ast('a OR b c')).toBe('(or a (and b c))');
    expect(ast('agent, planner, "tool use"')).toBe('(or agent planner [tool use])');
    expect(ast('NOT a b')).toBe('(and (not a) b)');
    expect(ast('a -b')).toBe('(and a (not b))');
    expect(ast('-(a OR b) c')).toBe('(and (not (or a b)) c)');
    expect(ast('NOT NOT a')).toBe('(not (not a))');
  });

  it('nests parentheses', () => {
    expect(ast('(agent OR planner) AND (LLM OR "language model")')).toBe(
      '(and (or agent planner) (or acronym:LLM [language model]))',
    );
    expect(ast('((a OR (b c)) -d)')).toBe('(and (or a (and b c)) (not d))');
  });

  it('tells acronyms (2+ capitals, optional plural s) from words', () => {
    expect(ast('RL')).toBe('acronym:RL');
    expect(ast('LLMs')).toBe('acronym:LLMs');
    expect(ast('GPT4')).toBe('acronym:GPT4');
    expect(ast('Transformer')).toBe('Transformer');
    expect(ast('LLaMA')).toBe('LLaMA');
    expect(ast('T5')).toBe('T5');
    expect(ast('=rag')).toBe('exact:rag');
    expect(ast('="Chain of Thought"')).toBe('[exact:Chain exact:of exact:Thought]');
  });

  it('reads wildcards at the end of a word, alone or in a phrase', () => {
    expect(ast('diffusion*')).toBe('diffusion*');
    expect(ast('RL*')).toBe('acronym:RL*');
    expect(ast('"diffusion mod*"')).toBe('[diffusion mod*]');
  });

  it('applies a field to one term or a group, with long and short names', () => {
    expect(ast('title:agent planning')).toBe('(and title:agent planning)');
    expect(ast('Title: agent')).toBe('title:agent');
    expect(ast('ti:agent abs:"tool use" au:lecun')).toBe('(and title:agent abstract:[tool use] author:lecun)');
    expect(ast('title:(agent OR planner)')).toBe('(or title:agent title:planner)');
    expect(ast('author:"Y. LeCun"')).toBe('author:Y. LeCun');
    expect(ast('cat:cs.*')).toBe('cat:cs.*');
    expect(ast('venue:"ACL 2021"')).toBe('venue:ACL 2021');
    expect(ast('title:-survey')).toBe('(not title:survey)');
    expect(ast('-cat:cs.CL')).toBe('(not cat:cs.CL)');
  });

  it('keeps an unknown field name as words', () => {
    expect(ast('arxiv:2401')).toBe('[arxiv :2401]');
  });

  it('reads /regex/flags, with / inside a class or escaped', () => {
    expect(ast('/diffusion (model|policy)s?/i')).toBe('/diffusion (model|policy)s?/i');
    expect(ast('/a[/]b\\/c/')).toBe('/a[/]b\\/c/');
    expect(ast('title:/^Towards/ agent')).toBe('(and title:/^Towards/ agent)');
    expect(ast('input/output')).toBe('[input /output]');
  });

  it('warns that lower-case and/or/not are words, and that author: takes one word', () => {
    const parsed = parseQuery('reasoning or planning');
    expect(parsed.ok && parsed.warnings).toEqual([
      { message: 'Lower-case "or" is searched as a word: write OR for the operator', position: 10 },
    ]);
    const author = parseQuery('author:Y. LeCun');
    expect(author.ok && author.warnings[0]?.position).toBe(7);
    const phrase = parseQuery('"trial and error"');
    expect(phrase.ok && phrase.warnings).toEqual([]);
  });

  it('records where each term is, for the UI', () => {
    const parsed = parseQuery('agent title:"tool use"');
    if (!parsed.ok || parsed.ast.type !== 'and') throw new Error('expected an AND');
    const [word, phrase] = parsed.ast.children;
    expect(word).toMatchObject({ position: 0, end: 5, display: 'agent' });
    expect(phrase).toMatchObject({ position: 12, end: 22, display: 'tool use', field: 'title' });
  });
});

describe('query syntax errors point at the culprit', () => {
  it.each([
    ['', 'The query is empty', 0],
    ['   ', 'The query is empty', 0],
    ['reward "model', 'Unclosed quote: add a closing "', 7],
    ['title:"reward model', 'Unclosed quote: add a closing "', 6],
    ['""', 'Empty quotes', 0],
    ['(agent OR planner', 'Unclosed "(": add a closing ")"', 0],
    ['a (b (c)', 'Unclosed "(": add a closing ")"', 2],
    ['agent)', 'Unmatched ")": there is no "(" before it', 5],
    ['(a) b)', 'Unmatched ")": there is no "(" before it', 5],
    ['()', 'Empty parentheses', 0],
    ['agent AND', '"AND" has nothing after it', 6],
    ['agent OR', '"OR" has nothing after it', 6],
    ['agent OR OR b', '"OR" has nothing after it', 6],
    ['a AND OR b', '"AND" has nothing after it', 2],
    ['(a OR) b', '"OR" has nothing after it', 3],
    ['OR agent', '"OR" has nothing before it', 0],
    ['AND agent', '"AND" has nothing before it', 0],
    ['agent NOT', '"NOT" has nothing after it', 6],
    ['agent,', '"," has nothing after it', 5],
    [', agent', '"," has nothing before it', 0],
    ['agent - survey', 'A "-" must be followed directly by what to exclude, like -survey', 6],
    ['title:', '"title:" has nothing after it', 0],
    ['a author: ', '"author:" has nothing after it', 2],
    ['title:(abstract:x)', 'A field filter cannot hold another one ("abstract:" inside "title:")', 7],
    ['*', 'A * can only end a word, like diffusion*', 0],
    ['dif*fusion', 'A * can only end a word, like diffusion*', 3],
    ['"* model"', 'A * can only end a word, like diffusion*', 1],
    ['cat:c*s', 'A * can only end a value, like cat:cs.*', 5],
    ['++', 'Nothing to search for in "++"', 0],
    ['=', '"=" must be followed directly by a word or a "phrase", like =RAG', 0],
    ['= RAG', '"=" must be followed directly by a word or a "phrase", like =RAG', 0],
    ['x /abc', 'Unclosed regex: add a closing /', 2],
    ['//', 'Empty regex', 0],
    ['/a/x', 'Unknown regex flag "x": use i, m or s', 3],
    ['/a/i2', 'A regex ends with / and its flags, then a space', 4],
  ])('%j → %s at %i', (query, message, position) => {
    expect(error(query)).toEqual({ error: message, position });
  });

  it.each([
    ['agent /(a/', 6, 'missing closing )'],
    ['/(?=x)y/', 0, 'invalid or unsupported Perl syntax'],
    ['/(a)\\1/', 0, 'invalid escape sequence'],
    ['/[z-a]/', 0, 'invalid character class range'],
  ])('reports a regex RE2 cannot run: %j', (query, position, reason) => {
    const { error: message, position: at } = error(query);
    expect(at).toBe(position);
    expect(message).toMatch(/^Invalid regex: /);
    expect(message).toContain(reason);
  });

  it('never throws, whatever is typed', () => {
    const alphabet = [
      'a',
      'B',
      ' ',
      '"',
      '(',
      ')',
      '-',
      '*',
      '=',
      '/',
      ':',
      ',',
      'OR',
      'AND',
      'NOT',
      'title:',
      '\\',
      '[',
    ];
    let seed = 7;
    for (let n = 0; n < 2000; n++) {
      let query = '';
      for (let k = 0; k < 8; k++) {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        query += alphabet[seed % alphabet.length];
      }
      const parsed = parseQuery(query);
      if (!parsed.ok) {
        expect(parsed.position).toBeGreaterThanOrEqual(0);
        expect(parsed.position).toBeLessThanOrEqual(query.length);
      }
    }
  });
});
