import { describe, expect, it } from 'vitest';
import { renderVegaLite } from './figures.ts';

describe('renderVegaLite', () => {
  it('renders a line chart to SVG with its title', async () => {
    const svg = await renderVegaLite({
      title: 'minimal reward against rho',
      data: {
        values: [
          { rho: 0.6, z: 1 },
          { rho: 0.9, z: 0.2 },
        ],
      },
      mark: 'line',
      encoding: { x: { field: 'rho', type: 'quantitative' }, y: { field: 'z', type: 'quantitative' } },
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('minimal reward against rho');
  });
});
