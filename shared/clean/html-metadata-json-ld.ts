/** JSON-LD as pages write it: one object, an array, an @graph, nodes that refer to each other by @id. */

export type JsonLdNode = Record<string, unknown>;

export interface JsonLd {
  readonly nodes: readonly JsonLdNode[];
  /** The node that describes the article (NewsArticle, BlogPosting, …), if any. */
  readonly article?: JsonLdNode;
  /** The node an {"@id": …} reference points at. */
  resolve(value: unknown): unknown;
}

interface ScriptSource {
  querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }>;
}

const ARTICLE_TYPES = /Article|Posting|Report|NewsArticle|BlogPosting|WebPage/;
const STRONG_ARTICLE_TYPES = /Article|Posting|Report/;
const MAX_NAMES = 6;

function flatten(value: unknown): JsonLdNode[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (!value || typeof value !== 'object') return [];
  const node = value as JsonLdNode;
  return [node, ...flatten(node['@graph'])];
}

function typesOf(node: JsonLdNode): string {
  const type = node['@type'];
  return Array.isArray(type) ? type.join(' ') : String(type ?? '');
}

export function readJsonLd(document: ScriptSource): JsonLd {
  const scripts = document.querySelectorAll('script[type="application/ld+json"]');
  const nodes: JsonLdNode[] = [];
  for (let index = 0; index < scripts.length; index += 1) {
    try {
      nodes.push(...flatten(JSON.parse(scripts[index]?.textContent ?? '')));
    } catch {
      // Malformed JSON-LD is common; the meta tags still speak.
    }
  }
  const byId = new Map<string, JsonLdNode>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && Object.keys(node).length > 1 && !byId.has(id)) byId.set(id, node);
  }
  const article =
    nodes.find((node) => STRONG_ARTICLE_TYPES.test(typesOf(node))) ??
    nodes.find((node) => ARTICLE_TYPES.test(typesOf(node)));
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (!value || typeof value !== 'object') return value;
    const id = (value as JsonLdNode)['@id'];
    return typeof id === 'string' && Object.keys(value).length === 1 ? (byId.get(id) ?? value) : value;
  };
  return { nodes, ...(article ? { article } : {}), resolve };
}

/** A name, or the names of a list of things ("A, B"), or undefined. Organisations are left out when `people`. */
export function nameOf(value: unknown, options: { people?: boolean } = {}): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) {
    const names = value
      .map((item) => nameOf(item, options))
      .filter((name): name is string => name !== undefined);
    return names.length > 0 ? [...new Set(names)].slice(0, MAX_NAMES).join(', ') : undefined;
  }
  if (value && typeof value === 'object') {
    const node = value as JsonLdNode;
    const types = typesOf(node);
    if (options.people && /Organi[sz]ation|Corporation/.test(types) && !/Person/.test(types))
      return undefined;
    return nameOf(node.name, options);
  }
  return undefined;
}

export function stringOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return stringOf(value[0]);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** An image as JSON-LD gives it: a URL, an ImageObject, or a list of either. */
export function imageOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return imageOf(value[0]);
  if (value && typeof value === 'object')
    return stringOf((value as JsonLdNode).url ?? (value as JsonLdNode).contentUrl);
  return stringOf(value);
}
