// Sets a figure: its vector scene scaled to the text width when wider, kept whole on one page, tagged with its alternative text.
import type { FigureModel } from '../document/model.ts';
import { placeText, prepareText, tagLeaf, type Flow } from './flow.ts';

export function setFigure(flow: Flow, figure: FigureModel): void {
  const { ctx } = flow;
  const { scene } = figure;
  const scale = Math.min(1, flow.width / scene.width, (flow.bottom - flow.top) / scene.height);
  const height = scene.height * scale;
  const caption = figure.caption.length === 0 ? null : prepareText(ctx, figure.caption, ctx.theme.table.note, { x: flow.left, width: flow.width, first: 0, rest: 0 });
  flow.space(ctx.theme.table.caption.before);
  flow.ensure(height + (caption === null ? 0 : caption.paragraph.lines.length * caption.lineHeight));
  if (figure.anchor !== null) ctx.canvas.destination(figure.anchor, flow.left, flow.y);
  // The figure's alternative text is the scene's title and description: what the HTML's <title>/<desc> say.
  const alt = [scene.title, scene.description].filter((part) => part !== '').join('. ');
  const element = ctx.canvas.struct('Figure', ctx.parent, { alt });
  ctx.canvas.beginMarked(element, 'Figure');
  ctx.canvas.drawScene(scene, flow.left + (flow.width - scene.width * scale) / 2, flow.y, scale);
  ctx.canvas.endMarked();
  element.end();
  flow.y += height;
  if (caption !== null) tagLeaf(ctx, 'Caption', () => placeText(flow, caption));
}
