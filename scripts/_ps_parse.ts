/**
 * Test helpers that read what Windows reads, on a machine without Windows: PowerShell sources
 * (through the tree-sitter PowerShell grammar, compiled to WebAssembly) and XML documents (a small
 * strict well-formedness checker: Task Scheduler definitions, PowerShell format files).
 *
 * Used by `tests/powershell_test.ts` and `commands/_scheduled_task_test.ts`; nothing at run time.
 *
 * @module
 */

import { Language, type Node, Parser, type Tree } from "web-tree-sitter";

const GRAMMAR = new URL(
  "../node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm",
  import.meta.url,
);

let parserPromise: Promise<Parser> | undefined;

/**
 * A parser for PowerShell (`.ps1`, `.psm1`, `.psd1`), loaded once.
 *
 * @returns the shared parser
 * @throws {Error} if the grammar's .wasm file is missing (run `npm ci`)
 * @example
 * ```ts
 * const tree = parsePowerShell(await powerShellParser(), "Get-Date");
 * ```
 */
export function powerShellParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    await Parser.init();
    const language = await Language.load(await Deno.readFile(GRAMMAR));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

/**
 * Parses PowerShell source.
 *
 * @param parser from {@link powerShellParser}
 * @param source the script text
 * @returns the syntax tree
 * @throws {Error} if tree-sitter returns no tree
 * @example
 * ```ts
 * parsePowerShell(await powerShellParser(), "function f {}").rootNode.type; // => "program"
 * ```
 */
export function parsePowerShell(parser: Parser, source: string): Tree {
  const tree = parser.parse(source);
  if (!tree) throw new Error("tree-sitter returned no tree");
  return tree;
}

/** A place in the source where the grammar could not make sense of the text. */
export interface SyntaxProblem {
  /** ERROR: text the grammar could not place; MISSING: a token the parser had to invent. */
  kind: "ERROR" | "MISSING";
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** The first characters of the offending text. */
  text: string;
}

/**
 * Every ERROR and MISSING node under `root`.
 *
 * @param root a tree's root node
 * @returns the problems in source order; empty for clean source
 * @example
 * ```ts
 * const p = await powerShellParser();
 * syntaxProblems(parsePowerShell(p, "if (").rootNode).length > 0; // => true
 * ```
 */
export function syntaxProblems(root: Node): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  walk(root, (node) => {
    if (node.isError || node.isMissing) {
      problems.push({
        kind: node.isMissing ? "MISSING" : "ERROR",
        line: node.startPosition.row + 1,
        column: node.startPosition.column + 1,
        text: node.isMissing ? node.type : node.text.slice(0, 60),
      });
    }
    return !node.isError; // no need to report the pieces of an ERROR node again
  });
  return problems;
}

/** What the checks need to know about one `function` statement. */
export interface FunctionInfo {
  /** As written, e.g. `Get-RasEntry`. */
  name: string;
  /** 1-based line of the `function` keyword. */
  line: number;
  /** Comment-based help keywords found, upper case (`SYNOPSIS`, `EXAMPLE`, ...). */
  helpKeywords: Set<string>;
  /** Parameter names documented with `.PARAMETER`, lower case. */
  documentedParameters: Set<string>;
  /** Declared parameter names (without `$`), lower case. */
  parameters: string[];
  /** Null without `[CmdletBinding()]`. */
  cmdletBinding: { supportsShouldProcess: boolean; confirmImpact: string | null } | null;
  /** Whether the body calls `$PSCmdlet.ShouldProcess(...)`. */
  callsShouldProcess: boolean;
}

/**
 * Every `function` statement of a script, with its help, parameters and ShouldProcess facts.
 *
 * Comment-based help counts where PowerShell looks for it: at the start of the function body, or
 * in the comments right before `function` (at most one blank line between).
 *
 * @param root a tree's root node
 * @returns the functions in source order
 * @example
 * ```ts
 * const p = await powerShellParser();
 * functionsOf(parsePowerShell(p, "function Get-X { param($A) }").rootNode)[0]?.parameters; // => ["a"]
 * ```
 */
export function functionsOf(root: Node): FunctionInfo[] {
  const found: FunctionInfo[] = [];
  walk(root, (node) => {
    if (node.type !== "function_statement") return true;
    const nameNode = node.children.find((c) => c?.type === "function_name");
    const info: FunctionInfo = {
      name: nameNode?.text ?? "",
      line: node.startPosition.row + 1,
      helpKeywords: new Set(),
      documentedParameters: new Set(),
      parameters: [],
      cmdletBinding: null,
      callsShouldProcess: false,
    };
    for (const comment of helpComments(node)) readHelp(comment.text, info);
    const paramBlock = firstDescendant(node, (n) => n.type === "param_block");
    if (paramBlock) {
      for (const child of paramBlock.children) {
        if (child?.type === "attribute_list") {
          for (const attr of child.children) {
            const binding = attr && readCmdletBinding(attr);
            if (binding) info.cmdletBinding = binding;
          }
        }
        if (child?.type === "parameter_list") {
          for (const p of child.children) {
            if (p?.type !== "script_parameter") continue;
            const variable = p.children.find((c) => c?.type === "variable");
            if (variable) info.parameters.push(variable.text.replace(/^\$/, "").toLowerCase());
          }
        }
      }
    }
    walk(node, (n) => {
      if (
        n.type === "invokation_expression" && /^\$PSCmdlet\s*\.\s*ShouldProcess\b/i.test(n.text)
      ) {
        info.callsShouldProcess = true;
      }
      return true;
    });
    found.push(info);
    return true;
  });
  return found;
}

/**
 * The strings of a key in a PowerShell data file's hash table (e.g. a manifest's
 * `FunctionsToExport = @('A', 'B')`), or null if the key is absent.
 *
 * @param root the tree of a `.psd1`
 * @param key the key, case-insensitive
 * @returns the string literals of the value, unquoted
 * @example
 * ```ts
 * const p = await powerShellParser();
 * manifestStrings(parsePowerShell(p, "@{ A = @('x','y') }").rootNode, "a"); // => ["x", "y"]
 * ```
 */
export function manifestStrings(root: Node, key: string): string[] | null {
  let result: string[] | null = null;
  walk(root, (node) => {
    if (result !== null) return false;
    if (node.type !== "hash_entry") return true;
    const k = node.children.find((c) => c?.type === "key_expression");
    if (k?.text.toLowerCase() !== key.toLowerCase()) return true;
    const strings: string[] = [];
    walk(node, (n) => {
      if (n.type === "string_literal") {
        strings.push(n.text.replace(/^['"]|['"]$/g, "").replace(/''/g, "'"));
        return false;
      }
      return true;
    });
    result = strings;
    return false;
  });
  return result;
}

/** Depth-first walk; `visit` returns false to skip a node's children. */
export function walk(node: Node, visit: (node: Node) => boolean): void {
  if (!visit(node)) return;
  for (const child of node.children) if (child) walk(child, visit);
}

function firstDescendant(node: Node, test: (n: Node) => boolean): Node | null {
  let hit: Node | null = null;
  walk(node, (n) => {
    if (hit) return false;
    if (n !== node && test(n)) {
      hit = n;
      return false;
    }
    return n === node || n.type !== "function_statement";
  });
  return hit;
}

function helpComments(fn: Node): Node[] {
  const comments: Node[] = [];
  // Inside: comments before the script block (the grammar hangs them on the function node), or
  // the first children of the script block.
  for (const child of fn.children) {
    if (child?.type === "comment") comments.push(child);
    if (child?.type === "script_block") {
      for (const inner of child.children) {
        if (inner?.type !== "comment") break;
        comments.push(inner);
      }
    }
  }
  // Before: contiguous comments ending at most one blank line above `function`.
  let row = fn.startPosition.row;
  for (let prev = fn.previousSibling; prev?.type === "comment"; prev = prev.previousSibling) {
    if (row - prev.endPosition.row > 2) break;
    comments.push(prev);
    row = prev.startPosition.row;
  }
  return comments;
}

function readHelp(text: string, info: FunctionInfo): void {
  const body = text.replace(/^<#|#>$/g, "").split(/\r?\n/).map((l) => l.replace(/^\s*#?\s*/, ""));
  for (const line of body) {
    const m = /^\.([A-Za-z]+)(?:\s+(\S+))?/.exec(line);
    if (!m?.[1]) continue;
    const keyword = m[1].toUpperCase();
    info.helpKeywords.add(keyword);
    if (keyword === "PARAMETER" && m[2]) info.documentedParameters.add(m[2].toLowerCase());
  }
}

function readCmdletBinding(attr: Node): FunctionInfo["cmdletBinding"] {
  if (attr.type !== "attribute") return null;
  const name = attr.children.find((c) => c?.type === "attribute_name");
  if (name?.text.toLowerCase() !== "cmdletbinding") return null;
  const binding = { supportsShouldProcess: false, confirmImpact: null as string | null };
  const args = attr.children.find((c) => c?.type === "attribute_arguments");
  for (const arg of args?.children ?? []) {
    if (arg?.type !== "attribute_argument") continue;
    const [argName, ...rest] = arg.children.filter((c) => c !== null && c.text !== "=");
    const valueText = rest.map((r) => r!.text).join("").trim();
    const key = argName?.text.toLowerCase();
    if (key === "supportsshouldprocess") {
      binding.supportsShouldProcess = valueText === "" || /^\$true$/i.test(valueText);
    }
    if (key === "confirmimpact") binding.confirmImpact = valueText.replace(/^['"]|['"]$/g, "");
  }
  return binding;
}

// ---------------------------------------------------------------------------------------------
// XML

/** An element of a document read by {@link parseXml}. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own character data (not its children's), references decoded. */
  text: string;
  /** 1-based line of the start tag. */
  line: number;
}

/** A well-formed document: its declaration's pseudo-attributes (if any) and its root. */
export interface XmlDocument {
  declaration: Record<string, string> | null;
  root: XmlElement;
}

const NAME = /[A-Za-z_:\u00C0-\uFFEF][A-Za-z0-9_:.\-\u00B7\u00C0-\uFFEF]*/y;
const PREDEFINED: Record<string, string> = {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
};

/**
 * Reads an XML 1.0 document strictly: one root, matching tags, quoted and unique attributes,
 * only the five predefined entities and valid character references, no `<` in attribute
 * values, no bare `&`, no `]]>` in text, no `--` in comments, only XML characters. DOCTYPE is
 * refused (none of our documents has one). Namespaces are not interpreted.
 *
 * @param source the document text (a leading BOM is allowed)
 * @returns the declaration and the element tree
 * @throws {SyntaxError} naming the line and column of the first violation
 * @example
 * ```ts
 * parseXml("<a x='1'>t&amp;u</a>").root.text; // => "t&u"
 * ```
 */
export function parseXml(source: string): XmlDocument {
  const src = source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  let pos = 0;

  const fail = (message: string, at = pos): never => {
    const before = src.slice(0, at);
    const line = before.split("\n").length;
    const column = at - before.lastIndexOf("\n");
    throw new SyntaxError(`XML ${line}:${column}: ${message}`);
  };
  const lineAt = (at: number) => src.slice(0, at).split("\n").length;

  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = src.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) fail("lone surrogate", i);
      i++;
      continue;
    }
    if (
      (c < 0x20 && c !== 0x9 && c !== 0xa) || (c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe ||
      c === 0xffff
    ) fail(`character U+${c.toString(16).padStart(4, "0")} is not allowed`, i);
  }

  const name = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(src);
    if (!m) fail("expected a name");
    pos += m![0].length;
    return m![0];
  };
  const spaces = (): boolean => {
    const start = pos;
    while (pos < src.length && " \t\n".includes(src[pos]!)) pos++;
    return pos > start;
  };
  const expect = (s: string) => {
    if (!src.startsWith(s, pos)) fail(`expected "${s}"`);
    pos += s.length;
  };
  const reference = (): string => {
    const m = /^&(?:([A-Za-z]+)|#([0-9]+)|#x([0-9A-Fa-f]+));/.exec(src.slice(pos, pos + 16));
    if (!m) return fail("bare '&' (write &amp;)");
    let value: string;
    if (m[1] !== undefined) {
      const v = PREDEFINED[m[1]];
      if (v === undefined) fail(`undefined entity &${m[1]};`);
      value = v!;
    } else {
      const cp = m[2] !== undefined ? parseInt(m[2], 10) : parseInt(m[3]!, 16);
      const ok = cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) ||
        (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
      if (!ok) fail(`character reference ${m[0]} is not an XML character`);
      value = String.fromCodePoint(cp);
    }
    pos += m[0].length;
    return value;
  };
  const comment = () => {
    expect("<!--");
    const end = src.indexOf("--", pos);
    if (end < 0) fail("unterminated comment");
    if (src[end + 2] !== ">") fail("'--' inside a comment", end);
    pos = end + 3;
  };
  const pi = (): { target: string; body: string } => {
    expect("<?");
    const target = name();
    const end = src.indexOf("?>", pos);
    if (end < 0) fail("unterminated processing instruction");
    const body = src.slice(pos, end);
    if (body !== "" && !/^[ \t\n]/.test(body)) fail("expected space after the target");
    pos = end + 2;
    return { target, body };
  };
  const misc = () => {
    for (;;) {
      spaces();
      if (src.startsWith("<!--", pos)) comment();
      else if (src.startsWith("<?", pos)) {
        const at = pos;
        if (pi().target.toLowerCase() === "xml") fail("XML declaration not at the start", at);
      } else return;
    }
  };
  const attributes = (): Record<string, string> => {
    const attrs: Record<string, string> = {};
    for (;;) {
      const hadSpace = spaces();
      if (src[pos] === ">" || src.startsWith("/>", pos) || src.startsWith("?>", pos)) return attrs;
      if (!hadSpace) fail("expected whitespace before an attribute");
      const at = pos;
      const attrName = name();
      spaces();
      expect("=");
      spaces();
      const quote = src[pos];
      if (quote !== '"' && quote !== "'") fail("attribute value must be quoted");
      pos++;
      let value = "";
      for (;;) {
        if (pos >= src.length) fail("unterminated attribute value");
        const ch = src[pos]!;
        if (ch === quote) break;
        if (ch === "<") fail("'<' in an attribute value");
        if (ch === "&") value += reference();
        else {
          value += ch === "\t" || ch === "\n" ? " " : ch;
          pos++;
        }
      }
      pos++;
      if (Object.hasOwn(attrs, attrName)) fail(`duplicate attribute "${attrName}"`, at);
      attrs[attrName] = value;
    }
  };
  const element = (): XmlElement => {
    const start = pos;
    expect("<");
    const el: XmlElement = {
      name: name(),
      attributes: {},
      children: [],
      text: "",
      line: lineAt(start),
    };
    el.attributes = attributes();
    if (src.startsWith("/>", pos)) {
      pos += 2;
      return el;
    }
    expect(">");
    for (;;) {
      if (pos >= src.length) fail(`<${el.name}> (line ${el.line}) is never closed`);
      if (src.startsWith("</", pos)) {
        pos += 2;
        const at = pos;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}> of line ${el.line}`, at);
        spaces();
        expect(">");
        return el;
      }
      if (src.startsWith("<!--", pos)) comment();
      else if (src.startsWith("<![CDATA[", pos)) {
        const end = src.indexOf("]]>", pos);
        if (end < 0) fail("unterminated CDATA section");
        el.text += src.slice(pos + 9, end);
        pos = end + 3;
      } else if (src.startsWith("<?", pos)) pi();
      else if (src.startsWith("<!", pos)) fail("declarations are not allowed in content");
      else if (src[pos] === "<") el.children.push(element());
      else if (src[pos] === "&") el.text += reference();
      else {
        if (src.startsWith("]]>", pos)) fail("']]>' in text");
        el.text += src[pos];
        pos++;
      }
    }
  };

  let declaration: Record<string, string> | null = null;
  if (src.startsWith("<?xml", pos) && /[ \t\n?]/.test(src[pos + 5] ?? "")) {
    pos += 5;
    declaration = attributes();
    expect("?>");
    if (declaration["version"] === undefined) fail("the XML declaration has no version", 0);
  }
  misc();
  if (src.startsWith("<!DOCTYPE", pos)) fail("DOCTYPE is not supported");
  if (src[pos] !== "<") fail(pos >= src.length ? "no root element" : "text before the root");
  const root = element();
  misc();
  if (pos < src.length) fail("content after the root element");
  return { declaration, root };
}

/**
 * The elements under `root` (depth-first, root included) with the given name.
 *
 * @param root where to look
 * @param name the element name
 * @returns the matches in document order
 * @example
 * ```ts
 * findElements(parseXml("<a><b/><c><b/></c></a>").root, "b").length; // => 2
 * ```
 */
export function findElements(root: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (e: XmlElement) => {
    if (e.name === name) out.push(e);
    e.children.forEach(visit);
  };
  visit(root);
  return out;
}
