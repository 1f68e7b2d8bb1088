import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import"./chunk-ER5J3XQH.js";import{a as r}from"./chunk-2JKJIJO2.js";import"./chunk-A2VH3TKQ.js";import{a as e}from"./chunk-5LBXUYK2.js";import"./chunk-LZSLVR24.js";import"./chunk-BZUVTXWO.js";import"./chunk-4OUOVSDZ.js";import"./chunk-SYCZZFLR.js";import"./chunk-DQCQFLGW.js";import"./chunk-P5USFPHL.js";import"./chunk-WKULSBWP.js";import"./chunk-24GNZG5P.js";import"./chunk-SJHGK7OC.js";import"./chunk-4LUXRFJL.js";import"./chunk-TXNDX7I7.js";import"./chunk-LELQE3LJ.js";import"./chunk-HW5XXTOA.js";var u={spec:e,async run(o,t,i){let n=await r(o,i);return o.values.json?(t.stdout(JSON.stringify(n,null,2)+`
`),0):(t.stderr(`modelci package: ${n.model} ${n.version} -> ${n.context} (onnxruntime for linux ${n.arches.join(", ")}); build it with: docker build ${n.context}
`),t.stdout(`${n.context}
`),0)}};export{u as packageCommand};
