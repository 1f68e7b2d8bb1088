import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a as c}from"./chunk-2CJAWWVR.js";import{d as o,e as l,g as $}from"./chunk-VONFTVL4.js";var a=30;function h(n){let d=n.datasets.map(e=>`${o(e.file,80)} (${e.rows.toLocaleString("en-US")} rows)`).join(", "),s=[n.errors?`${n.errors} error${n.errors===1?"":"s"}`:"",n.warnings?`${n.warnings} warning${n.warnings===1?"":"s"}`:""].filter(Boolean).join(", "),r=`${n.passed?`**Data checks: \u2705 passed**${s?` (${s})`:""}`:`**Data checks: \u274C failed** (${s})`} \u2014 ${d||"no data"} against ${o(n.contract,100)}`;if(n.violations.length===0)return r;let f=n.violations.slice(0,a).map(e=>[e.severity==="error"?"\u274C error":"\u26A0\uFE0F warning",o(e.dataset,60),e.column===void 0?" ":o(e.column,60),o(e.scope?`${e.scope}: ${e.check}`:e.check,40),e.count?`${e.count.toLocaleString("en-US")} (${c(e.share)})`:" ",o(e.message,200),o(e.examples.slice(0,3).map(t=>`row ${t.row}${t.value!==void 0?`: ${JSON.stringify(t.value)}`:""}${t.first_row!==void 0?` (= row ${t.first_row})`:""}`).join("; "),200)]),p=n.violations.length>a?`

${n.violations.length-a} more in the JSON report.`:"",i=`${l(["severity","data","column","check","rows","found","examples"],["left","left","left","left","right","left","left"],f)}${p}`;return n.passed?`${r}

${$("Warnings",i)}`:`${r}

${i}`}export{h as a};
