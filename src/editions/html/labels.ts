// The few words the web edition writes itself, in the book's language where we
// have them (the same wording as the EPUB's), else English marked as English so a
// screen reader switches voice.

export interface Labels {
  lang: string;
  contents: string;
  notes: string;
  backToText: (n: number) => string;
  taskDone: string;
  taskOpen: string;
  publisher: string;
  published: string;
  identifier: string;
  producedWith: (generator: string) => string;
  table: string;
  coverAlt: (title: string) => string;
}

const en: Labels = {
  lang: 'en',
  contents: 'Contents',
  notes: 'Notes',
  backToText: (n) => `Back to note reference ${n}`,
  taskDone: 'done',
  taskOpen: 'not done',
  publisher: 'Publisher',
  published: 'Published',
  identifier: 'Identifier',
  producedWith: (g) => `Produced with ${g}.`,
  table: 'Table',
  coverAlt: (t) => `Cover: ${t}`,
};

const de: Labels = {
  lang: 'de',
  contents: 'Inhalt',
  notes: 'Anmerkungen',
  backToText: (n) => `Zurück zum Verweis auf Anmerkung ${n}`,
  taskDone: 'erledigt',
  taskOpen: 'offen',
  publisher: 'Verlag',
  published: 'Erschienen',
  identifier: 'Kennung',
  producedWith: (g) => `Erstellt mit ${g}.`,
  table: 'Tabelle',
  coverAlt: (t) => `Umschlag: ${t}`,
};

const fr: Labels = {
  lang: 'fr',
  contents: 'Table des matières',
  notes: 'Notes',
  backToText: (n) => `Retour à l’appel de note ${n}`,
  taskDone: 'fait',
  taskOpen: 'à faire',
  publisher: 'Éditeur',
  published: 'Parution',
  identifier: 'Identifiant',
  producedWith: (g) => `Produit avec ${g}.`,
  table: 'Tableau',
  coverAlt: (t) => `Couverture : ${t}`,
};

const es: Labels = {
  lang: 'es',
  contents: 'Índice',
  notes: 'Notas',
  backToText: (n) => `Volver a la llamada de nota ${n}`,
  taskDone: 'hecho',
  taskOpen: 'pendiente',
  publisher: 'Editorial',
  published: 'Publicado',
  identifier: 'Identificador',
  producedWith: (g) => `Producido con ${g}.`,
  table: 'Tabla',
  coverAlt: (t) => `Cubierta: ${t}`,
};

const BY_LANGUAGE: Record<string, Labels> = { en, de, fr, es };

export function labelsFor(lang: string): Labels {
  return BY_LANGUAGE[lang.toLowerCase().split('-')[0]] ?? en;
}

/** ` lang="en"` on label text when the labels fell back to English for a book in another language. */
export function labelLang(labels: Labels, bookLang: string): string {
  return bookLang.toLowerCase().split('-')[0] === labels.lang ? '' : ` lang="${labels.lang}"`;
}
