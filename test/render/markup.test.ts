// Tests for the review's markup: templates held to the document model's elements (located errors), and the rendered body sanitised to them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderShipped } from './shipped.ts';
import { checkTemplateMarkup, MARKUP_ELEMENTS, sanitiseBody } from '../../pipeline/render/html/markup.ts';

const root = join(import.meta.dirname, '..', '..');

describe('checkTemplateMarkup', () => {
  it('accepts the shipped templates and every element the document model knows', () => {
    for (const name of ['review.hbs', 'partials/abstract-zh.hbs', 'partials/section-3-ssc.hbs']) {
      expect(() => checkTemplateMarkup(readFileSync(join(root, 'templates', name), 'utf8'), name)).not.toThrow();
    }
    expect(() => checkTemplateMarkup(MARKUP_ELEMENTS.map((name) => `<${name} class="x" id="y" lang="en">t</${name}>`).join('\n'), 't.hbs')).not.toThrow();
    expect(() => checkTemplateMarkup('<a href="#ref-1">1</a> <a href="https://doi.org/10.1/x">doi</a> <a href="mailto:a@b.invalid">m</a> <td colspan="2">', 't.hbs')).not.toThrow();
  });

  it.each([
    ['<p>x</p>\n  <meta http-equiv="refresh" content="1;url=http://example.invalid/">', "t.hbs:2:3: <meta> is not part of the review's markup; the elements are main, article,"],
    ['<script>alert(1)</script>', "t.hbs:1:1: <script> is not part of the review's markup"],
    ['<p>{{cite "a"}}<img src=x onerror=alert(1)></p>', "t.hbs:1:16: <img> is not part of the review's markup"],
    ['<iframe src="https://example.invalid/"></iframe>', 't.hbs:1:1: <iframe> is not'],
    ['<base href="https://example.invalid/">', 't.hbs:1:1: <base> is not'],
    ['<form action="https://example.invalid/"><button>x</button></form>', 't.hbs:1:1: <form> is not'],
    ['<p onclick="alert(1)">x</p>', "t.hbs:1:1: attribute 'onclick' is not allowed on <p>; it may have class, id, lang, role, aria-label, tabindex"],
    ['<p style="display:none">x</p>', "t.hbs:1:1: attribute 'style' is not allowed on <p>"],
    ['<p>\n<a href="javascript:alert(1)">x</a></p>', "t.hbs:2:1: a link goes to '#…', 'https://…', 'http://…' or 'mailto:…', not 'javascript:alert(1)'"],
    ['<a href="//example.invalid/">x</a>', "t.hbs:1:1: a link goes to"],
  ])('refuses %j with its place', (source, message) => {
    expect(() => checkTemplateMarkup(source, 't.hbs')).toThrow(message);
  });

  it('ignores what Handlebars comments hold, and leaves attributes built by Handlebars to the sanitiser', () => {
    expect(() => checkTemplateMarkup('{{!-- an <img> here would be wrong --}}\n{{! <meta> }}<p>x</p>', 't.hbs')).not.toThrow();
    expect(() => checkTemplateMarkup('{{!-- a comment --}}\n<meta>', 't.hbs')).toThrow('t.hbs:2:1: <meta>');
    expect(() => checkTemplateMarkup('<a href="{{link}}">x</a>', 't.hbs')).not.toThrow();
  });

  it('reads a 10 MB template of tag openings in linear time', () => {
    const started = performance.now();
    expect(() => checkTemplateMarkup('<'.repeat(10_000_000), 't.hbs')).not.toThrow();
    expect(() => checkTemplateMarkup(`${'{{!'.repeat(3_000_000)}<meta>`, 't.hbs')).not.toThrow();
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe('sanitiseBody', () => {
  it('leaves the shipped review as it is, byte for byte, the tool\'s block placeholders included', () => {
    for (const lang of ['zh', 'en'] as const) {
      // The templates' output as the document builder read it (after this sanitiser ran once): a second run changes nothing.
      const { markup } = renderShipped(lang);
      expect(markup).toContain('<review-block name="b1"></review-block>');
      expect(sanitiseBody(markup)).toBe(markup);
    }
  });

  it.each([
    ['<p>a</p><meta http-equiv="refresh" content="0;url=http://example.invalid/">', '<p>a</p>'],
    ['<p>a<script>fetch("x")</script>b</p>', '<p>ab</p>'],
    ['<style>body{display:none}</style><p>a</p>', '<p>a</p>'],
    ['<p onclick="alert(1)" class="x">a</p>', '<p class="x">a</p>'],
    ['<a href="javascript:alert(1)">a</a>', '<a>a</a>'],
    ['<a href="java&#115;cript:alert(1)">a</a>', '<a>a</a>'],
    ['<a href="https://doi.org/10.1/x">a</a>', '<a href="https://doi.org/10.1/x">a</a>'],
    ['<marquee>moving</marquee> text', 'moving text'],
    ['<svg><text>drawn</text></svg><p>a</p>', '<p>a</p>'],
    ['<p>line<br>break</p><hr>', '<p>line<br>break</p><hr>'],
    ['<!-- a comment --><p>a</p>', '<p>a</p>'],
  ])('%j becomes %j', (html, expected) => {
    expect(sanitiseBody(html)).toBe(expected);
  });
});
