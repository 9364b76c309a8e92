// Tests of manuscript reading: citation forms, list entries and their first authors, the credit forms, and linear time on a 10 MB line.
import { describe, expect, it } from 'vitest';
import { findCitations, firstAuthorOfEntry, parseManuscript } from '../../pipeline/citations/manuscript.ts';

describe('citation forms', () => {
  it.each([
    ['<sup>1</sup>', [1]],
    ['<sup>2,3</sup>', [2, 3]],
    ['<SUP>4-6</SUP>', [4, 5, 6]],
    ['〔4〕', [4]],
    ['^5^', [5]],
    ['^2,3^', [2, 3]],
    ['<sup>[3]</sup>', [3]],
    // A PDF-to-Markdown conversion spaces out LaTeX: "^ { [ 2 5 ] }" is 25 (chinaxiv-tirzepatide-review.md, line 47).
    ['SURPASS- $2 ^ { [ 2 5 ] }$', [25]],
  ])('%s cites %j', (text, numbers) => {
    const citations = findCitations(`见${text}。`);
    expect(citations.map((c) => c.numbers)).toEqual([numbers]);
    expect(citations[0]?.malformed).toBeUndefined();
  });

  it('a bracket never closed before Chinese text is a malformed citation of its number; a closed one is text', () => {
    const citations = findCitations('Yeh等[8对12例，见[1型糖尿病]与Harper等[27]。Hu等[3研究');
    expect(citations.map((c) => `${c.raw} ${c.numbers.join(',')} ${c.malformed ?? ''}`)).toEqual([
      '[8 8 the bracket is never closed',
      '[27] 27 ',
      '[3 3 the bracket is never closed',
    ]);
  });

  it('spaced digits outside math are still malformed', () => {
    expect(findCitations('见[ 2 5 ]。')[0]?.malformed).toBe("'2 5' is not a number or a range");
  });
});

describe('reference list entries', () => {
  it('reads [n]., n., ［n］ and 〔n〕 labels, each with its first author (entries from the corpus reviews)', () => {
    const parsed = parseManuscript(
      [
        '正文[1-5]。',
        '# 参考文献',
        '[1]. Oahalou A， Schellekens PA，de Groot-Mijnes JD，et al，Diagnostic pars plana vitrectomy[J].Retina ,2014,34(1):108-114.',
        '[2] 林海燕，戴荣平等.65例诊断不明的葡萄膜炎患者玻璃体切割标本检查诊断结果 分析 [J].中华眼底病杂志，2017,7(33):404-406',
        '［3］ 陈竺．健康中国 2020 战略研究报告[M]．健康中国 2020 战略研究报告,2012.',
        '〔4〕RantyML,LaurentC,AzizaJ,eta1.Improvingthecytologicaldiagnosis[J].Histopathology,2015,67(1):48-61.',
        '5. Quiroz-Mercado H，Rivera-Sempertegui J，Macky TA，et al. Performingvitreous biopsy[J].AmJ Ophthalmol 2005;140(6):1161-1163.',
      ].join('\n'),
      'm.md',
    );
    expect(parsed.references?.map((e) => `${e.number} ${e.firstAuthor?.literal}`)).toEqual([
      '1 Oahalou A',
      '2 林海燕',
      '3 陈竺',
      '4 Ranty ML',
      '5 Quiroz-Mercado H',
    ]);
  });

  it('an n. entry may skip a few numbers (an entry deleted), but a wrapped "2010." line is not an entry', () => {
    const parsed = parseManuscript('References\n1. Smith J. A trial. 2009.\n3. Jones K. A cohort. Lancet.\n2010. 62(2):542.\n', 'm.md');
    expect(parsed.references?.map((e) => e.number)).toEqual([1, 3]);
    expect(parsed.references?.[1]?.text).toBe('Jones K. A cohort. Lancet. 2010. 62(2):542.');
  });

  it.each([
    ['RantyML,LaurentC', 'Ranty ML'],
    ['ClinicalTrials.gov Identifier: NCT04093752．Accessed July 22,2021.', undefined],
    ['中国互联网络发展状况统计报告 [J].', undefined],
    ['ILLEI G G, SHIROTA Y', 'Illei G G'],
  ])('the first author of %s is %s', (text, literal) => {
    expect(firstAuthorOfEntry(text)?.literal).toBe(literal);
  });
});

describe('credit forms', () => {
  const credited = (text: string): string[] =>
    parseManuscript(text, 'm.md').citations.map((c) => `${c.raw} ${c.credited ? c.credited.text : '-'}`);

  it.each([
    ['，陈建锋等[1]发现', '[1] 陈建锋'],
    ['，陈建锋等人[1]发现', '[1] 陈建锋'],
    ['此外，Miller等[22]提出', '[22] Miller'],
    ['影响Urva等[51]又', '[51] Urva'],
    ['，马超逸团队[1]报告', '[1] 马超逸'],
    ['，Davis 课题组[2]提出', '[2] Davis'],
    ['，林海燕等开展的一项多中心研究[3]纳入', '[3] 林海燕'],
    ['，林海燕的研究[3]表明', '[3] 林海燕'],
    ['Shacham的研究也证明，降低再发作率[35]。', '[35] Shacham'],
    ['，Ma Chaoyi 等人[1]报告', '[1] Ma Chaoyi'],
    ['此外Arvanitis[29]等人提出', '[29] Arvanitis'],
    ['ZhangLY[12]等提出', '[12] ZhangLY'],
    ['机制。TimHeise 等[19]利用', '[19] TimHeise'],
    ['Smith et al. [3] found', '[3] Smith'],
    ['Jones and colleagues [4] did', '[4] Jones'],
  ])('%s', (text, expected) => {
    expect(credited(text)).toEqual([expected]);
  });

  it.each([
    '危险因素包括吸烟、高血压等[1]。',
    '，高血压等[1]。',
    '合并糖尿病等[1]。',
    'Apple Watch 等设备[22]可用于筛查。',
    '关节炎和皮疹等症状[47]。',
    'TCZ 等[3]有效。',
    '笔者团队参与的调查[14]。',
  ])('%s credits no one', (text) => {
    expect(credited(text).every((c) => c.endsWith(' -'))).toBe(true);
  });

  it('a credit reaches one citation, not the next in its sentence, nor one in the next sentence', () => {
    expect(credited('Manfredi 等人[27]报告，另见[3]。Smith et al. reported it. A cohort [4] agreed.')).toEqual(['[27] Manfredi', '[3] -', '[4] -']);
  });
});

describe('a 10 MB line with one Chinese character', () => {
  // Each once overflowed the regular-expression stack or took quadratic time; reading must stay linear.
  it.each([
    ['spaces between a name and 等', 'Miller' + ' '.repeat(10_000_000) + '中等[1]'],
    ['name-like words', 'Aa Bb '.repeat(1_700_000) + '中等[1]'],
    ['a name, 10 MB of spaces, a name and 等 before each of many citations', ('Aa' + ' '.repeat(100_000) + 'Bb 等[1]').repeat(100) + '中'],
    ['letters', 'A' + 'a'.repeat(10_000_000) + '中 等[1]'],
    ['等', '中' + '等'.repeat(10_000_000) + '[1]'],
    ['opening brackets', '中' + '['.repeat(10_000_000)],
    ['unclosed citations', '[1中'.repeat(2_500_000)],
    ['a reference entry of letters', '参考文献\n[1] ' + 'a'.repeat(10_000_000) + '中'],
    ['unclosed superscripts', '中' + '<sup>1'.repeat(1_700_000)],
  ])('%s', (_name, text) => {
    const started = Date.now();
    const parsed = parseManuscript(text, 'big.md');
    expect(parsed.citations.length).toBeLessThanOrEqual(2_500_000);
    // Generous for a shared machine; a quadratic scan of 10 MB takes hours.
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 60_000);
});
