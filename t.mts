import cytoscape from 'cytoscape';
const cy = cytoscape({ headless: true, styleEnabled: true, style: [{ selector: 'edge.a', style: { 'line-color': '#ff0000' } }, { selector: 'edge.b', style: { width: 7 } }] as any, elements: [{ data: { id: 'x' } }, { data: { id: 'y' } }, { data: { id: 'e', source: 'x', target: 'y' }, classes: 'a b' }] });
console.log(cy.getElementById('e').style('line-color'), cy.getElementById('e').style('width'));
