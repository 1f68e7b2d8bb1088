import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import"./chunk-ER5J3XQH.js";import{a,b as u,c as d}from"./chunk-6CDSTPZ4.js";import"./chunk-KUNCEHSK.js";import"./chunk-E3KY5FRX.js";import"./chunk-O54K6DPS.js";import{a as s,b as l,c as r}from"./chunk-2UQG3WSB.js";import"./chunk-3FQD3HW7.js";import"./chunk-QYLKLTSR.js";import"./chunk-ZHPMHR7H.js";import"./chunk-S3TC74UD.js";import"./chunk-ZQZRNY4O.js";import"./chunk-WAMGWVJT.js";import"./chunk-DQCQFLGW.js";import"./chunk-HZHE4LXN.js";import"./chunk-P5USFPHL.js";import"./chunk-S4EMHFME.js";import"./chunk-XVJ6D3E6.js";import"./chunk-GHXFC5K7.js";import"./chunk-EIEVJARL.js";import"./chunk-PVXSW7HO.js";import"./chunk-4LUXRFJL.js";import"./chunk-AUEA453D.js";import"./chunk-MABLZSYO.js";import"./chunk-2QECUAFR.js";import"./chunk-7QC3266V.js";import"./chunk-LELQE3LJ.js";import"./chunk-HW5XXTOA.js";function p(e,n,t,o){if(n){t.stdout(JSON.stringify(e,null,2)+`
`);return}t.stdout(`${e.version}
`),e.status==="unchanged"?t.stderr(`${e.stage} already holds ${e.model} ${e.version}; nothing written
`):e.pullRequest?t.stderr(`promotion pull request #${e.pullRequest.number} ${e.pullRequest.action}: ${e.pullRequest.url}
`):t.stderr(`${o} ${e.model} ${e.version} to ${e.stage} (was ${e.previous??"empty"})${e.pushed?", pushed":""}
`)}var v={spec:s,async run(e,n,t){let o=await a(e,t);p(o,e.values.json,n,e.values.rollback?"rolled back":"promoted")}},f={spec:l,async run(e,n,t){p(await u(e,t),e.values.json,n,"rolled back")}},g={spec:r,async run(e,n,t){let o=await d(e,t);if(e.values.json){n.stdout(JSON.stringify(o,null,2)+`
`);return}n.stdout(`${o.version}
`),n.stderr(o.status==="unchanged"?`${o.model} ${o.version} was already deprecated
`:`deprecated ${o.model} ${o.version}
`)}};export{g as deprecateCommand,v as promoteCommand,f as rollbackCommand};
