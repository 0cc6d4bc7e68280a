/** cytoscape-svg ships no types: it registers `cy.svg(options)`, which returns the drawing as SVG text. */
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const register: Ext;
  export default register;
}
