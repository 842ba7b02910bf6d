// The words the editions write themselves — headings such as "Contents", landmark
// and colophon captions, spoken labels for note back links and task boxes — in the
// book's language. These are presentation words shared by the writers, kept here
// so that the EPUB, the web page, the text file and the PDF say the same thing in
// the same language. They are not part of the model, which stays language-neutral:
// a renderer turns the model into its format and picks its words from here.
//
// A language has the words someone has written for it; any other word falls back
// to English, and `foreignLang` says so, because an English word in a German book
// must be marked as English (xml:lang/lang) for a screen reader to speak it with an
// English voice.

export interface Words {
  /** The contents: EPUB nav heading and landmark, web page nav, text heading, PDF title and running head. */
  contents: string;
  /** The web page's endnotes section. */
  notes: string;
  /** The EPUB's (hidden) landmarks nav. */
  landmarks: string;
  /** The EPUB's (hidden) page-list nav and NCX page list. */
  pages: string;
  cover: string;
  titlePage: string;
  /** The EPUB landmark for the first page of the text. */
  beginReading: string;
  /** The EPUB colophon page's title. */
  copyright: string;
  /** Spoken label of a note's link back to where it is cited. */
  backToText: (n: number) => string;
  /** Spoken state of a task box. */
  taskDone: string;
  taskOpen: string;
  publisher: string;
  published: string;
  identifier: string;
  /** EPUB colophon: which printed edition the page-break markers follow. */
  pageNumbersFrom: (printEdition: string) => string;
  producedWith: (generator: string) => string;
  /** Spoken name of the web page's scrolling table region. */
  table: string;
  /** Alt text of the cover image; `authors` empty where the page shows them beside it. */
  coverAlt: (title: string, authors: string) => string;
  /** PDF: the description of a link to a note. */
  noteLink: (n: number) => string;
  /** PDF: the description of a contents entry's link. */
  pageLink: (entry: string, folio: string) => string;
}

/** Words no one has translated yet: every book has them in English. */
type EnglishOnly = 'noteLink' | 'pageLink';

const en: Words = {
  contents: 'Contents',
  notes: 'Notes',
  landmarks: 'Landmarks',
  pages: 'Pages',
  cover: 'Cover',
  titlePage: 'Title page',
  beginReading: 'Begin reading',
  copyright: 'Copyright',
  backToText: (n) => `Back to note reference ${n}`,
  taskDone: 'done',
  taskOpen: 'not done',
  publisher: 'Publisher',
  published: 'Published',
  identifier: 'Identifier',
  pageNumbersFrom: (s) => `Page numbers follow the print edition, ${s}.`,
  producedWith: (g) => `Produced with ${g}.`,
  table: 'Table',
  coverAlt: (t, a) => (a ? `Cover: ${t}, by ${a}` : `Cover: ${t}`),
  noteLink: (n) => `Note ${n}`,
  pageLink: (e, f) => `${e}, page ${f}`,
};

const de: Omit<Words, EnglishOnly> = {
  contents: 'Inhalt',
  notes: 'Anmerkungen',
  landmarks: 'Orientierungspunkte',
  pages: 'Seiten',
  cover: 'Umschlag',
  titlePage: 'Titelseite',
  beginReading: 'Lesen beginnen',
  copyright: 'Impressum',
  backToText: (n) => `Zurück zum Verweis auf Anmerkung ${n}`,
  taskDone: 'erledigt',
  taskOpen: 'offen',
  publisher: 'Verlag',
  published: 'Erschienen',
  identifier: 'Kennung',
  pageNumbersFrom: (s) => `Die Seitenzahlen folgen der Druckausgabe, ${s}.`,
  producedWith: (g) => `Erstellt mit ${g}.`,
  table: 'Tabelle',
  coverAlt: (t, a) => (a ? `Umschlag: ${t}, von ${a}` : `Umschlag: ${t}`),
};

const fr: Omit<Words, EnglishOnly> = {
  contents: 'Table des matières',
  notes: 'Notes',
  landmarks: 'Repères',
  pages: 'Pages',
  cover: 'Couverture',
  titlePage: 'Page de titre',
  beginReading: 'Commencer la lecture',
  copyright: 'Mentions légales',
  backToText: (n) => `Retour à l’appel de note ${n}`,
  taskDone: 'fait',
  taskOpen: 'à faire',
  publisher: 'Éditeur',
  published: 'Parution',
  identifier: 'Identifiant',
  pageNumbersFrom: (s) => `La pagination suit l’édition imprimée, ${s}.`,
  producedWith: (g) => `Produit avec ${g}.`,
  table: 'Tableau',
  coverAlt: (t, a) => (a ? `Couverture : ${t}, par ${a}` : `Couverture : ${t}`),
};

const es: Omit<Words, EnglishOnly> = {
  contents: 'Índice',
  notes: 'Notas',
  landmarks: 'Puntos de referencia',
  pages: 'Páginas',
  cover: 'Cubierta',
  titlePage: 'Portada',
  beginReading: 'Empezar a leer',
  copyright: 'Créditos',
  backToText: (n) => `Volver a la llamada de nota ${n}`,
  taskDone: 'hecho',
  taskOpen: 'pendiente',
  publisher: 'Editorial',
  published: 'Publicado',
  identifier: 'Identificador',
  pageNumbersFrom: (s) => `La paginación sigue la edición impresa, ${s}.`,
  producedWith: (g) => `Producido con ${g}.`,
  table: 'Tabla',
  coverAlt: (t, a) => (a ? `Cubierta: ${t}, de ${a}` : `Cubierta: ${t}`),
};

/** By primary language subtag. Languages with only a few words take English for the rest. */
const BY_LANGUAGE = new Map<string, Partial<Words>>([
  ['en', en],
  ['de', de],
  ['fr', fr],
  ['es', es],
  ['it', { contents: 'Indice' }],
  ['pt', { contents: 'Sumário' }],
  ['nl', { contents: 'Inhoud' }],
  ['ru', { contents: 'Содержание' }],
  ['el', { contents: 'Περιεχόμενα' }],
  ['he', { contents: 'תוכן העניינים' }],
  ['ar', { contents: 'المحتويات' }],
]);

export interface Labels extends Words {
  /**
   * The language word `key` is written in when that is not the book's (an English
   * fallback in a book in another language): mark its element with it. Undefined
   * when the word is in the book's language.
   */
  foreignLang(key: keyof Words): string | undefined;
}

const cache = new Map<string, Labels>();

/** The words for a book in `lang` (a BCP 47 tag), by its primary language subtag. */
export function labelsFor(lang: string): Labels {
  const primary = lang.toLowerCase().split('-')[0];
  let labels = cache.get(primary);
  if (!labels) {
    const own = BY_LANGUAGE.get(primary) ?? {};
    labels = { ...en, ...own, foreignLang: (key) => (key in own ? undefined : 'en') };
    cache.set(primary, labels);
  }
  return labels;
}
