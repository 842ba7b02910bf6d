// Inlines as HTML. Note references follow pandoc and DPUB-ARIA
// (`<a role="doc-noteref"><sup>3</sup></a>`); images are inlined as data: URIs so
// the page needs nothing but itself.

import type { Inline, Resource } from '../../model/document.js';
import { escapeAttr, escapeText } from './escape.js';
import type { PageIds } from './ids.js';

/** Link targets a reader may follow from a self-contained page; the reader already refuses others. */
const SAFE_HREF = /^(?:https?:|mailto:|#)/i;

export class InlineHtml {
  private readonly dataUris = new Map<string, string>();
  private readonly refsSeen = new Map<number, number>();

  constructor(
    private readonly resources: ReadonlyMap<string, Resource>,
    private readonly ids: PageIds,
  ) {}

  render(inlines: readonly Inline[]): string {
    let out = '';
    for (const node of inlines) out += this.one(node);
    return out;
  }

  /** The resource as a data: URI (encoded once per page). */
  dataUri(resource: Resource): string {
    let uri = this.dataUris.get(resource.id);
    if (uri === undefined) {
      uri = `data:${resource.mediaType};base64,${resource.data.toString('base64')}`;
      this.dataUris.set(resource.id, uri);
    }
    return uri;
  }

  /** An `<img>` for an image inline, or its alt text when the resource is missing. */
  image(node: Extract<Inline, { type: 'image' }>, className?: string): string {
    const resource = this.resources.get(node.resource);
    if (!resource) return escapeText(node.alt);
    const size = resource.width > 0 && resource.height > 0 ? ` width="${resource.width}" height="${resource.height}"` : '';
    const cls = className ? ` class="${className}"` : '';
    const title = node.title ? ` title="${escapeAttr(node.title)}"` : '';
    return `<img${cls} src="${this.dataUri(resource)}" alt="${escapeAttr(node.alt)}"${title}${size}>`;
  }

  private one(node: Inline): string {
    switch (node.type) {
      case 'text':
        return escapeText(node.value);
      case 'code':
        return `<code>${escapeText(node.value)}</code>`;
      case 'break':
        return '<br>\n';
      case 'emphasis':
        return `<em>${this.render(node.children)}</em>`;
      case 'strong':
        return `<strong>${this.render(node.children)}</strong>`;
      case 'strikethrough':
        return `<del>${this.render(node.children)}</del>`;
      case 'subscript':
        return `<sub>${this.render(node.children)}</sub>`;
      case 'superscript':
        return `<sup>${this.render(node.children)}</sup>`;
      case 'abbr': {
        const title = node.title ? ` title="${escapeAttr(node.title)}"` : '';
        return `<abbr${title}>${this.render(node.children)}</abbr>`;
      }
      case 'image':
        return this.image(node, 'inline');
      case 'noteref':
        return this.noteRef(node.number);
      case 'link': {
        const text = this.render(node.children) || escapeText(node.href);
        const href = node.internal !== undefined ? `#${node.internal}` : node.href;
        if (!SAFE_HREF.test(href)) return text;
        const title = node.title ? ` title="${escapeAttr(node.title)}"` : '';
        return `<a href="${escapeAttr(href)}"${title}>${text}</a>`;
      }
    }
  }

  private noteRef(number: number): string {
    const refs = this.ids.noteRefs.get(number);
    const target = this.ids.noteIds.get(number);
    if (!refs || target === undefined) return `<sup>${number}</sup>`;
    const k = this.refsSeen.get(number) ?? 0;
    this.refsSeen.set(number, k + 1);
    // The ids were counted ahead; should a reference ever go uncounted, an id-less link beats a duplicate id.
    const id = k < refs.length ? ` id="${escapeAttr(refs[k])}"` : '';
    return `<a class="noteref" href="#${escapeAttr(target)}"${id} role="doc-noteref"><sup>${number}</sup></a>`;
  }
}
