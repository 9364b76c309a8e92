// The small part of @citation-js/core this project uses (the package ships no type declarations).
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: unknown[];
  }
}
declare module '@citation-js/plugin-bibtex';
