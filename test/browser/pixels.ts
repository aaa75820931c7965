/**
 * Reads colours out of a PNG screenshot with the browser's own decoder (a canvas in a blank
 * page), so a test can check what was painted where without an image library.
 */
import type { Page } from 'playwright-core';

export type Rgb = [r: number, g: number, b: number];

export async function colorsAt(page: Page, png: Buffer, points: ReadonlyArray<{ x: number; y: number }>): Promise<Rgb[]> {
  const blank = await page.context().newPage();
  try {
    // A string, as the test's own types know no DOM: it runs in the blank page.
    const script = `(async () => {
      const image = new Image();
      image.src = 'data:image/png;base64,${png.toString('base64')}';
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d');
      context.drawImage(image, 0, 0);
      return ${JSON.stringify(points)}.map(({ x, y }) => Array.from(context.getImageData(Math.round(x), Math.round(y), 1, 1).data.slice(0, 3)));
    })()`;
    return (await blank.evaluate(script)) as Rgb[];
  } finally {
    await blank.close();
  }
}

/** Close enough to `expected` on every channel: antialiasing and colour profiles shift a few units. */
export const near = (actual: Rgb, expected: Rgb, tolerance = 24): boolean => actual.every((v, i) => Math.abs(v - expected[i]!) <= tolerance);
