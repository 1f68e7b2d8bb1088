import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a as o}from"./chunk-7ZDWNFD6.js";import"./chunk-ER5J3XQH.js";import{a as n}from"./chunk-SKDNVIKC.js";import"./chunk-NQ6VOUCQ.js";import"./chunk-FUOOT4NU.js";import"./chunk-6PMKWZQP.js";import"./chunk-QIZHMH5Z.js";import"./chunk-TM3CYDMD.js";import"./chunk-IBLVBUI7.js";import"./chunk-FDEFW2MP.js";import"./chunk-D423ZDC3.js";import"./chunk-UEZWE6EO.js";import"./chunk-ZQZRNY4O.js";import"./chunk-PWT25B77.js";import"./chunk-LKRVCBO6.js";import"./chunk-DRCGQZUG.js";import"./chunk-6KI45ZQW.js";import"./chunk-KGMRH2YU.js";import"./chunk-24GNZG5P.js";import"./chunk-AUEA453D.js";import"./chunk-5RL4MTKD.js";import"./chunk-GCC2JMBC.js";import"./chunk-LELQE3LJ.js";import"./chunk-HW5XXTOA.js";var l={spec:n,async run(t,s,i){let e=await o(t,i),r=t.values.model;t.values.json?s.stdout(JSON.stringify(e,null,2)+`
`):(s.stdout(`${e.version}
`),s.stderr(e.status==="unchanged"?`${r} ${e.version}: already registered (${e.reason}); nothing written
`:`registered ${r} ${e.version} (${e.reason})${e.pushed?`, pushed after ${e.attempts} attempt(s)`:""}
`))}};export{l as registerCommand};
