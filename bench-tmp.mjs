import PDFDocument from 'pdfkit';
import fs from 'fs';
const R='node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
const B='node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf';
const rb=fs.readFileSync(R), bb=fs.readFileSync(B);
const rows=[]; for(let i=0;i<2000;i++) rows.push([`Study ${i} 2018 [${i%50}]`,'回顾性队列研究','日本',String(20+i%80),'RA-ILD','TCZ 162 mg SC qw','无',`${i%24} 个月`,`FVC 改善 ${i%30} 例(${i%100}%)，稳定 12 例`,'DLCO 无显著变化','托珠单抗可能稳定肺功能，需进一步随机对照试验证实','未核实']);
function mk(){ const d=new PDFDocument({font:'',autoFirstPage:false,size:'A4',layout:'landscape',bufferPages:true,info:{CreationDate:new Date(0)}}); d.registerFont('r',rb); d.registerFont('b',bb); d.font('r'); d.addPage(); const chunks=[]; d.on('data',c=>chunks.push(c)); return [d,chunks]; }
// simple draw of each cell as N lines text by splitting into 3 pieces
function mine(){ const [d]=mk(); d.fontSize(8); let y=40; const t=performance.now();
 for(const r of rows){ let x=30; for(const c of r){ const n=Math.ceil(c.length/8); for(let k=0;k<n;k++){ d.text(c.slice(k*8,k*8+8), x, y+k*10, {lineBreak:false, baseline:'alphabetic'}); } x+=65; }
  y+=30; if(y>560){ d.addPage(); y=40; } }
 const t2=performance.now(); d.end(); return [t2-t, performance.now()-t]; }
function table(){ const [d]=mk(); d.font(R); d.fontSize(8); const t=performance.now(); d.table({data: rows}); const t2=performance.now(); d.end(); return [t2-t, performance.now()-t]; }
console.log('mine', mine()); console.log('mine', mine());
console.log('table', table());
