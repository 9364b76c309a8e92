// Tests of reading DOI, PMID, year and title out of free-text reference entries (GB/T 7714, Vancouver, APA).
import { describe, expect, it } from 'vitest';
import { readEntryFields } from '../../pipeline/citations/entry-fields.ts';

describe('readEntryFields', () => {
  it.each([
    [
      'GB/T 7714, from chinaxiv-tirzepatide-review.md [6]',
      'Coskun T, Sloop K W, Loghin C,et al. LY3298176,a novel dual GIP and GLP-1 receptor agonist for the treatment of type 2 diabetes melitus: from discovery to clinical proof of concept[J]. Mol Metab,2018,18:3-14.DOI:10.1016/j.molmet.2018.09.009.',
      { doi: '10.1016/j.molmet.2018.09.009', year: 2018, title: 'LY3298176,a novel dual GIP and GLP-1 receptor agonist for the treatment of type 2 diabetes melitus: from discovery to clinical proof of concept' },
    ],
    [
      'GB/T 7714 in Chinese, from chinaxiv-tirzepatide-review.md [3]',
      '李莎，张丽娜，谢姣，等．度拉糖肽致不良反应文献分析[J]．中国医院药学杂志，2022，42(9)：930 -934．DOI: 10.13286/j.1001-5213.2022.09.11.',
      { doi: '10.13286/j.1001-5213.2022.09.11', year: 2022, title: '度拉糖肽致不良反应文献分析' },
    ],
    [
      'a DOI broken across a space by the PDF conversion (chinaxiv-tirzepatide-review.md [33])',
      'Jastreboff A M,Aronne L J,Ahmad N N, et al. SURMOUNT-1 Investigators. Tirzepatide Once W eekly for the Treatment of Obesity[J].N Engl JMed,2022，387(3):205-216.DOI: 10.1056/NEJM oa2206038.',
      { doi: '10.1056/NEJMoa2206038', year: 2022, title: 'SURMOUNT-1 Investigators. Tirzepatide Once W eekly for the Treatment of Obesity' },
    ],
    [
      'Vancouver with a doi: prefix and a PMID after it (made up)',
      'Illei GG, Shirota Y. Tocilizumab in systemic lupus erythematosus. Arthritis Rheum. 2010;62(2):542-52. doi:10.1002/ART.27221. PMID: 20112381.',
      { doi: '10.1002/ART.27221', pmid: '20112381', year: 2010, title: 'Tocilizumab in systemic lupus erythematosus' },
    ],
    [
      'APA with a doi.org link (made up)',
      'Illei, G. G., & Shirota, Y. (2010). Tocilizumab in systemic lupus erythematosus. Arthritis & Rheumatism, 62(2), 542–552. https://doi.org/10.1002/art.27221',
      { doi: '10.1002/art.27221', year: 2010, title: 'Tocilizumab in systemic lupus erythematosus' },
    ],
    [
      'a year in the title is not the year (chinaxiv-wearable-af-review.md [3])',
      'KIRCHHOF P, BENUSSI S,KOTECHA D,et al. 2016 ESC Guidelines for the management of atrial fibrillation developed in collaboration with EACTS [J]. Eur Heart J,2O16,37(38): 2893-962.',
      { title: '2016 ESC Guidelines for the management of atrial fibrillation developed in collaboration with EACTS' },
    ],
  ])('%s', (_name, text, fields) => {
    expect(readEntryFields(text)).toEqual(fields);
  });
});
