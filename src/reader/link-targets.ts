// What a link's href points at. Only http:, https: and mailto: leave the book;
// `#fragment` and `other.md#fragment` stay inside it; every other scheme
// (javascript:, data:, file:, …) is dropped by the caller.

export type LinkTarget =
  | { kind: 'external'; href: string }
  | { kind: 'fragment'; fragment: string }
  | { kind: 'file'; path: string; fragment?: string }
  | { kind: 'unsafe'; scheme: string }
  | { kind: 'empty' };

const EXTERNAL = new Set(['http', 'https', 'mailto']);

export function classifyHref(raw: string): LinkTarget {
  // Browsers ignore ASCII whitespace and controls in a scheme (`java\tscript:`).
  const href = raw.trim();
  const squeezed = href.replace(/[\u0000-\u0020]+/g, '');
  if (squeezed === '') return { kind: 'empty' };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed)?.[1]?.toLowerCase();
  if (scheme) {
    if (!EXTERNAL.has(scheme)) return { kind: 'unsafe', scheme };
    const rest = href.slice(href.indexOf(':') + 1);
    if (rest.replace(/^\/*/, '') === '') return { kind: 'empty' };
    return { kind: 'external', href: scheme + ':' + rest };
  }
  if (href.startsWith('//')) return { kind: 'unsafe', scheme: 'network-path' };
  if (href.startsWith('#')) return { kind: 'fragment', fragment: decode(href.slice(1)) };
  const hash = href.indexOf('#');
  const file = decode((hash < 0 ? href : href.slice(0, hash)).replace(/\?.*$/, ''));
  const fragment = hash < 0 ? undefined : decode(href.slice(hash + 1));
  return { kind: 'file', path: file, fragment };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** Percent-encodes what may not stand in an href as written in raw HTML. */
export function encodeHref(href: string): string {
  return href.replace(/[\s<>"`{}|\\^]|[^\x00-\x7F]+/g, (m) => {
    try {
      return encodeURI(m);
    } catch {
      return '';
    }
  });
}
