import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{b as It}from"./chunk-HO64TVUD.js";import{j as Ot}from"./chunk-CKEJYEWQ.js";import{d as qt}from"./chunk-O54K6DPS.js";import{b as bt}from"./chunk-QYLKLTSR.js";import{b as Y}from"./chunk-BHFG3LMV.js";import{c as b,d as R,e as z,f as $t}from"./chunk-VONFTVL4.js";import{a as x}from"./chunk-VVZWD6BD.js";import{h as Ft,j as tt}from"./chunk-WAMGWVJT.js";import{a as yt}from"./chunk-DQCQFLGW.js";import{a as I}from"./chunk-HZHE4LXN.js";import{b as Vt}from"./chunk-P5USFPHL.js";import{l as ht}from"./chunk-S4EMHFME.js";import{b as Lt}from"./chunk-GHXFC5K7.js";import{a as je}from"./chunk-EIEVJARL.js";import{a as N,c as ft}from"./chunk-LELQE3LJ.js";import{d as De}from"./chunk-HW5XXTOA.js";function v(t){if(!t)return"\u2014";let e=Date.parse(t);return Number.isFinite(e)?`${new Date(e).toISOString().slice(0,16).replace("T"," ")} UTC`:t}function V(t){if(!t)return"\u2014";let e=Date.parse(t);return Number.isFinite(e)?new Date(e).toISOString().slice(0,10):t}function et(t,e){if(!t)return;let r=Date.parse(t),o=Date.parse(e);if(!Number.isFinite(r)||!Number.isFinite(o))return;let a=Math.max(0,Math.round((o-r)/6e4));if(a<1)return"just now";if(a<60)return`${a} minute${a===1?"":"s"}`;let d=Math.round(a/60);if(d<48)return`${d} hour${d===1?"":"s"}`;let i=Math.round(d/24);return`${i} day${i===1?"":"s"}`}function vt(t){return!t||typeof t.value!="number"?"\u2014":t.ci?`${x(t.value)} [${E(t.ci)}]`:x(t.value)}function E(t){return`${x(t[0])}, ${x(t[1])}`}function G(t){if(t<1e3)return`${t} B`;let e=["kB","MB","GB","TB"],r=t,o=-1;for(;r>=1e3&&o<e.length-1;)r/=1e3,o++;return`${r>=100?r.toFixed(0):r.toFixed(1)} ${e[o]}`}function Bt(t){return t?t.slice(0,12):"\u2014"}function Z(t){return typeof t=="string"?t:JSON.stringify(t)??String(t)}function Ut(t,e=160){if(!t||Object.keys(t).length===0)return"\u2014";let r=Object.entries(t).map(([o,a])=>`${o}=${Z(a)}`).join(" ");return r.length>e?`${r.slice(0,e-1)}\u2026`:r}import{mkdirSync as tr,writeFileSync as er}from"node:fs";import{dirname as rr}from"node:path";import{relative as Ne}from"node:path";var wt="%H%x1f%P%x1f%aI%x1f%an%x1f%B",zt=/^[0-9a-f]{40,64}$/;function xt(t){let e=[];for(let r of t.split("\0")){let o=r.replace(/^\n+/,"");if(!o)continue;let a=o.split("");if(a.length<5)continue;let[d,i,n,l]=a;zt.test(d)&&e.push({commit:d,parents:i.split(" ").filter(c=>zt.test(c)),date:n,author:l,message:a.slice(4).join("")})}return e}function Gt(t){let e=t.replace(/\r\n/g,`
`).trim().split(/\n\s*\n/),r=(e.shift()??"").replace(/\n/g," ").trim(),o=e[e.length-1],d=o!==void 0&&o.split(`
`).every(i=>/^[A-Za-z][A-Za-z0-9-]*:\s/.test(i)||/^\s+\S/.test(i))?e.pop().replace(/\n\s+/g," "):"";return{subject:r,body:e.join(`

`).trim(),trailers:d}}function Wt(t,e=new Map){let r=[];for(let o of t){let{subject:a,body:d,trailers:i}=Gt(o.message),n=qt(o.commit,o.date,o.author,a,i),l=e.get(o.commit);if(!n){l?.length&&r.push({commit:o.commit,date:o.date,author:o.author,subject:a,model:l[0],action:"edit",manual:!0,touched:l,...d?{body:d}:{}});continue}let c=/\(#(\d+)\)\s*$/.exec(a);r.push({...n,...d?{body:d}:{},...c?{pullRequest:Number(c[1])}:{}})}return r}function Jt(t){return t.filter(e=>!/^Model:\s/m.test(Gt(e.message).trailers)).map(e=>e.commit)}function Yt(t,e){let r=new Map,o,a=e==="."||e===""?"":`${e.replace(/\/+$/,"")}/`;for(let d of t.split(`
`)){let i=/^@@([0-9a-f]{40,64})$/.exec(d);if(i){o=[],r.set(i[1],o);continue}if(!o||!d.startsWith(a))continue;let n=d.slice(a.length).split("/")[0];n&&d.slice(a.length).includes("/")&&!o.includes(n)&&o.push(n)}return r}function W(t,e){return t.model===e||(t.touched?.includes(e)??!1)}var Zt=/^Merge pull request #(\d+)\b/;function Kt(t,e,r,o){let a=o.filter(n=>Zt.test(n.subject));if(a.length===0)return t;let d=new Set;for(let n=e;n&&!d.has(n);n=r.get(n)?.[0])d.add(n);let i=new Map;for(let n of[...a].reverse()){let l=Number(Zt.exec(n.subject)[1]),c=n.parents.slice(1);for(;c.length;){let u=c.pop();d.has(u)||i.has(u)||(i.set(u,{pr:l,by:n.author}),c.push(...r.get(u)??[]))}}return t.map(n=>{let l=i.get(n.commit);return l?{...n,pullRequest:l.pr,mergedBy:l.by}:n})}async function rt(t,e){let o=await new bt(t,e).exec(["rev-parse","--show-toplevel"]);if(o.code!==0)return;let a=new bt(o.stdout.trim(),e),d=await a.revParse("HEAD");if(!d)return;let i=Ne(a.cwd,t)||".",n=xt(await a.log(["-z",`--format=${wt}`,"HEAD","--",i])),l=Jt(n),c=l.length?Yt(await a.run(["log","--no-walk=unsorted","--format=@@%H","--name-only","--stdin","--",i],l.join(`
`)+`
`),i):new Map,u=Wt(n,c);return u.length&&(u=Kt(u,d,...await Ve(a))),{head:d,audit:u,runs:await Le(a)}}async function Ve(t){let e=xt(await t.log(["-z","--first-parent","--merges",`--format=${wt}`,"HEAD"])).map(o=>({commit:o.commit,parents:o.parents,author:o.author,subject:o.message.split(`
`)[0]??""})),r=new Map;if(e.length===0)return[r,e];for(let o of(await t.run(["rev-list","--parents","HEAD"])).split(`
`)){let[a,...d]=o.trim().split(" ");a&&r.set(a,d)}return[r,e]}async function Le(t){let e=new It(t),r=await e.list(),o=await e.full(r.runs),a=o.filter(l=>"record"in l),d=[...r.problems,...o.filter(l=>!("record"in l))],i=new Map,n=l=>{let c=i.get(l);return c||i.set(l,c={records:[],unreadable:[]}),c};for(let l of a)n(l.record.model_name).records.push(l.record);for(let l of d){let c=Ot(l.ref);c&&n(c.model).unreadable.push({id:c.id,error:l.problem})}return i}import{existsSync as re,readdirSync as Oe,statSync as Ie}from"node:fs";import{relative as Fe}from"node:path";function Qt(t,e,r,o){let a=new Map,d=[],i=(l,c)=>{d.push({file:e,message:l,...c?{model:c}:{}})};if(!Array.isArray(t))return i("drift history is not a JSON list of checks; its checks are not shown",r),{checks:a,problems:d};let n=o.length===1?o[0]:void 0;return t.forEach((l,c)=>{let u=l;if(!(u!==null&&typeof u=="object"&&typeof u.at=="string"&&typeof u.drifted=="boolean"&&typeof u.share=="number"&&Number.isFinite(u.share)&&typeof u.n_drifted=="number"&&typeof u.n_tested=="number")){i(`[${c}]: not a drift check (needs at, drifted, share, n_drifted, n_tested)`,r);return}let $=r??(typeof u.model=="string"?u.model:n);if(!$){i(`[${c}]: names no model; pass the file as <model>=${e}`);return}if(!o.includes($)){i(`[${c}]: model "${$}" is not in the registry`);return}let P={at:u.at,drifted:u.drifted,share:u.share,n_drifted:u.n_drifted,n_tested:u.n_tested,source:e,model:$,...typeof u.run_url=="string"?{run_url:u.run_url}:{},...typeof u.threshold=="number"?{threshold:u.threshold}:{},...typeof u.performance_drifted=="boolean"?{performance_drifted:u.performance_drifted}:{}},f=a.get($)??[];f.push(P),a.set($,f)}),{checks:a,problems:d}}function Xt(t){let e=new Map;for(let r of t)for(let o of r)e.set(o.at,o);return[...e.values()].sort((r,o)=>r.at<o.at?-1:r.at>o.at?1:0)}function te(t,e){let r=t.evaluation?{...t.evaluation.metrics}:Object.fromEntries(Object.entries(t.metrics??{}).filter(a=>typeof a[1]=="number"&&Number.isFinite(a[1])).map(([a,d])=>[a,{value:d}])),o=t.model?e.get(t.model.sha256):void 0;return{id:t.id,created_at:t.started_at,status:t.status,...t.failure?{failure:t.failure}:{},...t.code.commit?{commit:t.code.commit}:{},...t.code.branch?{branch:t.code.branch}:{},params:t.params,...Object.keys(r).length?{metrics:r}:{},...o?{version:o}:{},...t.ci?.run_url?{url:t.ci.run_url}:{},...t.tags.length?{tags:t.tags}:{}}}function ee(t){return[...t].sort((e,r)=>e.id<r.id?1:e.id>r.id?-1:0)}async function oe(t){if(!re(t.registry)||!Ie(t.registry).isDirectory())throw new N("INPUT","registry folder not found",{file:t.registry,hint:"Pass the registry folder with --registry (registry.path in modelci.yaml)"});let e=tt(t.registry),r=[],o=[],a=I(t.config?.registry).stages,d=e.listModels().map(l=>Mt(e,l,t.config,r)),i=await rt(e.dir,t.env??process.env);i||o.push(`${t.registry} is not in a git checkout: no audit log or stage timeline`);for(let l of d)l.history=i?.audit.filter(c=>W(c,l.name))??[],l.runs=Ct(l,i?.runs.get(l.name));let n=Be(t.driftHistory??[],d.map(l=>l.name),r,o);for(let l of d)l.drift=Xt(n.get(l.name)??[]);return{data:{title:t.title??"Model catalog",generatedAt:t.now,...t.repositoryUrl?{repositoryUrl:t.repositoryUrl}:{},...i?{commit:i.head}:{},stageOrder:a,models:d,audit:i?.audit??[],hasHistory:i!==void 0,problems:r},notes:o}}function Ct(t,e){if(!e)return[];let r=new Map;for(let o of t.versions)o.record&&r.set(o.record.artifact.sha256,o.version);return[...ee(e.records.map(o=>te(o,r))),...e.unreadable]}function Mt(t,e,r,o){let a=f=>Fe(t.dir,f)||f,d=I(r?.registry).stages,i=r?.models?.[e],n={name:e,owners:[],card:i?.card??{},versions:[],stages:[],history:[],drift:[],runs:[]};try{let f=t.getModel(e);f&&(n.record=f)}catch(f){n.recordError=kt(f),o.push({file:`${e}/model.yaml`,message:n.recordError,model:e})}let l=n.record?.task??i?.task,c=n.record?.primary_metric??i?.primary_metric,u=n.record?.description??i?.description;l&&(n.task=l),c&&(n.primaryMetric=c),n.record?.direction&&(n.direction=n.record.direction),u&&(n.description=u),n.owners=n.record?.owners??i?.owners??[],n.versions=t.listVersions(e).map(f=>{let g=t.versionFile(e,f);try{return{version:f,file:a(g),record:t.getVersion(e,f)}}catch(j){let X=kt(j);return o.push({file:a(g),message:X,model:e,version:f}),{version:f,file:a(g),error:X}}});let h=qe(`${t.dir}/${e}/stages`);for(let f of h.filter(g=>!yt(g)))o.push({file:`${e}/stages/${f}.yaml`,message:"not a valid stage name; ignored",model:e});let $=h.filter(yt),P=[...d.filter(f=>$.includes(f)),...$.filter(f=>!d.includes(f)).sort()];return n.stages=P.map(f=>{try{let g=t.getStage(e,f);return g?{stage:f,pointer:g}:{stage:f}}catch(g){let j=kt(g);return o.push({file:`${e}/stages/${f}.yaml`,message:j,model:e}),{stage:f,error:j}}}),n}function qe(t){try{return Oe(t).filter(e=>e.endsWith(".yaml")).map(e=>e.slice(0,-5))}catch{return[]}}function kt(t){if(t instanceof N){let{file:e,...r}=t.where;return new N(t.code,t.message,{...r,...t.hint?{hint:t.hint}:{}}).format()}return ft(t)}function Be(t,e,r,o){let a=new Map;for(let d of t){let i=/^([a-z0-9][a-z0-9._-]*)=(.+)$/.exec(d),n=i?.[1],l=i?.[2]??d;if(!re(l)){o.push(`drift history ${l} does not exist (yet)`);continue}let c;try{c=Lt(l)}catch(h){r.push({file:l,message:ft(h),...n?{model:n}:{}});continue}let u=Qt(c,l,n,e);r.push(...u.problems);for(let[h,$]of u.checks)a.set(h,[...a.get(h)??[],$])}return a}function ne(t){return new Map(t.versions.map(e=>[e.version,e]))}function se(t,e){let r=t.stages.filter(o=>o.pointer);for(let o=e.length-1;o>=0;o--){let a=r.find(d=>d.stage===e[o]);if(a)return a}return r[r.length-1]}function Ue(t){for(let e=t.versions.length-1;e>=0;e--){let r=t.versions[e].record;if(r)return r}}function F(t){if(t.primaryMetric)return t.primaryMetric;let e=Ue(t);return e?.metrics?Object.keys(e.metrics)[0]:void 0}function St(t){let e=new Set,r=F(t);r&&e.add(r);for(let o of t.versions)for(let a of Object.keys(o.record?.metrics??{}))e.add(a);return[...e]}function K(t,e){if(!t||!e)return;let r=t.metrics?.[e];return r&&typeof r.value=="number"?r:void 0}function ze(t,e){let r=e.pointer?.version;if(r)return t.history.find(o=>o.stage===e.stage&&o.version===r&&(o.action==="promote"||o.action==="rollback"))}function ie(t){return t.history.filter(e=>e.stage!==void 0&&(e.action==="promote"||e.action==="rollback"))}function ot(t,e){return t.stages.filter(r=>r.pointer?.version===e).map(r=>r.stage)}function ae(t){return t.drift[t.drift.length-1]}function nt(t,e){let r=e.pointer;if(!r)return;let o=ze(t,e);return o?.mergedBy&&o.pullRequest?{by:o.mergedBy,how:`merged pull request #${o.pullRequest}`,event:o}:{by:r.promoted_by,how:r.rollback?"rolled back":"promoted",...o?{event:o}:{}}}function st(t,e){let r=F(t),o=Object.entries(e.metrics??{}).filter(([,i])=>typeof i?.value=="number").map(([i,n])=>{let l=i===r?t.direction??Y(i):Y(i);return{name:i,...n,...l?{direction:l}:{},primary:i===r}}).sort((i,n)=>Number(n.primary)-Number(i.primary)),a=t.history.find(i=>i.action==="register"&&i.version===e.version),d=t.runs.find(i=>i.version===e.version);return{model:t.name,version:e.version,...t.description?{description:t.description}:{},...t.task?{task:t.task}:{},owners:t.owners,text:t.card,artifact:e.artifact,createdAt:e.created_at,createdBy:e.created_by,stages:ot(t,e.version),...e.deprecated?{deprecated:e.deprecated}:{},...r?{primaryMetric:r}:{},metrics:o,...e.gates?{gates:e.gates}:{},slices:e.slices??[],trainingData:e.training_data,evaluationData:e.evaluation_data,...e.params?{params:e.params}:{},...e.signature?{signature:e.signature}:{},lineage:e.lineage??{},...a?{registeredIn:a}:{},...d?{trainingRun:d}:{},promotions:t.history.filter(i=>i.version===e.version&&(i.action==="promote"||i.action==="rollback"))}}function J(t){return`${t.type}[${t.shape.map(e=>e===null?"?":String(e)).join(", ")}]`}function it(t){let e=[...new Set(t.slices.flatMap(o=>Object.keys(o.metrics)))],r=t.primaryMetric;return e.sort((o,a)=>+(a===r)-+(o===r)).slice(0,4)}var me=De(je(),1);var q=class{constructor(e){this.value=e}value;toString(){return this.value}},Ge={"&":"&amp;","<":"&lt;",">":"&gt;"},We={...Ge,'"':"&quot;","'":"&#39;","`":"&#96;"},Je=/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;function le(t){return t.replace(Je,"").replace(/[&<>"'`]/g,e=>We[e])}function Q(t){return t instanceof q?t.value:Array.isArray(t)?t.map(Q).join(""):t==null||t===!1?"":le(String(t))}function s(t,...e){let r=t[0];for(let o=0;o<e.length;o++)r+=Q(e[o])+t[o+1];return new q(r)}function de(t){return new q(t)}function ce(t,e=""){let r=Q(e);return new q(t.map(Q).join(r))}function at(t){if(t===void 0)return;let e=t.replace(/[\u0000-\u0020\u007f-\u009f]/g,"");if(e==="")return;let r=/^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(e);if(r)return/^https?$/i.test(r[1])&&/^https?:\/\/[^/]/i.test(e)?t.trim():void 0;if(!/^[/\\]{2}/.test(e))return t.trim()}function _(t,e){let r=at(t);return r===void 0?s`${e}`:new q(`<a href="${le(r)}">${Q(e)}</a>`)}var Ye=/^(rmse|mse|mae|mape|r2|r_squared)$/;function Ze(t){return t.task==="regression"||!t.task&&t.metrics.length>0&&t.metrics.every(r=>Ye.test(r.name))?{type:"tabular-regression",name:"Tabular regression"}:{type:"tabular-classification",name:t.task==="multiclass"?"Multiclass classification":t.task==="binary"?"Binary classification":"Tabular classification"}}function Ke(t){let e=Ze(t),r=t.evaluationData?.path?Qe(t.evaluationData.path):"evaluation data",o={};return t.text.license&&(o.license=t.text.license),t.artifact.format==="onnx"&&(o.library_name="onnx"),o.tags=[...new Set(["modelci",e.type,...t.text.tags??[]])],t.text.datasets?.length&&(o.datasets=t.text.datasets),t.metrics.length&&(o.metrics=t.metrics.map(a=>a.name)),t.metrics.length&&(o["model-index"]=[{name:t.model,results:[{task:e,dataset:{type:t.text.datasets?.[0]??r,name:r,...t.evaluationData?.sha256?{revision:t.evaluationData.sha256}:{}},metrics:t.metrics.map(a=>({type:a.name,value:a.value,name:a.ci?`${a.name} (95% CI ${E(a.ci)})`:a.name}))}]}]),o.modelci={model:t.model,version:t.version,artifact_sha256:t.artifact.sha256,registered_at:t.createdAt,...t.stages.length?{stages:t.stages}:{}},o}function Qe(t){return t.split(/[\\/]/).pop()||t}function ue(t){return t.trim().split(/\r\n?|\n/).map(e=>b(e).replace(/^(\s*)([#>+=-])/,"$1\\$2").replace(/^(\s*\d+)([.)])/,"$1\\$2")).join(`  
`)}function Xe(t,e){let r=at(e);return Number.isInteger(t)&&r&&/^https?:/i.test(r)?`[#${t}](${$t(r)})`:`&#35;${b(String(t))}`}function Rt(t,e){let r=at(e);return r&&/^https?:/i.test(r)?`[${b(t)}](${$t(r)})`:b(t)}function ge(t,e={}){let r=e.repositoryUrl?.replace(/\/+$/,""),o=["---",(0,me.stringify)(Ke(t),{lineWidth:0}).trimEnd(),"---",""],a=l=>{let c=t.text[l];return typeof c=="string"&&c.trim()?ue(c):`_Not documented: add \`models.${b(t.model)}.card.${l}\` to modelci.yaml._`};o.push(`# ${b(t.model)} ${t.version}`,""),t.description&&o.push(ue(t.description),""),t.deprecated&&o.push(`> **Deprecated** on ${v(t.deprecated.at)} by ${b(t.deprecated.by)}${t.deprecated.reason?`: ${b(t.deprecated.reason)}`:""}.`,""),o.push("## Model details","");let d=[["Model",b(t.model)],["Version",t.version],["Task",t.task??"\u2014"],["Owners",t.owners.length?t.owners.map(l=>b(l)).join(", "):"\u2014"],...t.text.contact?[["Contact",b(t.text.contact)]]:[],...t.text.license?[["License",b(t.text.license)]]:[],["Stages",t.stages.length?t.stages.map(l=>b(l)).join(", "):"none"],["Format",b(t.artifact.format)],["Artifact",`\`${B(t.artifact.uri)}\``],["Artifact sha256",`\`${B(t.artifact.sha256)}\``],["Artifact size",G(t.artifact.bytes)],["Registered",`${v(t.createdAt)} by ${b(t.createdBy)}`]];if(o.push(...d.map(([l,c])=>`- **${l}:** ${c}`),""),o.push("## Intended use","",a("intended_use"),"","### Intended users","",a("users"),""),o.push("### Out of scope","",a("out_of_scope_use"),""),o.push("## Metrics",""),t.metrics.length?(o.push(z(["Metric","Value","95% interval","Better"],["left","right","right","left"],t.metrics.map(l=>[`${R(l.name)}${l.primary?" (primary)":""}`,x(l.value),l.ci?E(l.ci):"\u2014",l.direction??"\u2014"])),""),t.metrics.some(l=>l.ci)&&o.push("Intervals are 95% bootstrap confidence intervals over the evaluation rows.","")):o.push("No metrics recorded.",""),t.gates&&(o.push("### Gates",""),o.push(t.gates.results.length?z(["Gate","Result","Why"],["left","left","left"],t.gates.results.map(l=>[R(l.gate),l.passed?"passed":"**failed**",R(l.reason,300)])):"No gates were configured.","")),o.push("## Evaluation data","",a("evaluation_data"),"",...pe(t.evaluationData),""),o.push("## Training data","",a("training_data"),"",...pe(t.trainingData),""),o.push("## Slices",""),t.slices.length){let l=it(t);o.push(z(["Column","Value","Rows",...l.map(c=>R(c))],["left","left","right",...l.map(()=>"right")],t.slices.map(c=>[R(c.column),R(c.value),String(c.rows),...l.map(u=>{let h=c.metrics[u];return h?`${x(h.value)}${h.ci?` [${E(h.ci)}]`:""}`:"\u2014"})])),"")}else o.push("No slice metrics recorded.","");o.push("## Limitations","",a("limitations"),""),o.push("## Ethical considerations","",a("ethical_considerations"),""),o.push("## Caveats and recommendations","",a("caveats"),""),t.params&&Object.keys(t.params).length&&o.push("## Parameters","",z(["Parameter","Value"],["left","left"],Object.entries(t.params).map(([l,c])=>[R(l),R(Z(c),300)])),""),t.signature&&o.push("## Signature","",z(["Tensor","Kind","Type and shape"],["left","left","left"],[...t.signature.inputs.map(l=>[R(l.name),"input",R(J(l))]),...t.signature.outputs.map(l=>[R(l.name),"output",R(J(l))])]),"");let i=t.lineage,n=l=>l?r?Rt(l.slice(0,12),`${r}/commit/${l}`):`\`${B(l.slice(0,12))}\``:"\u2014";o.push("## Lineage",""),o.push(`- **Code commit:** ${n(i.commit)}${i.ref?` on \`${B(i.ref)}\``:""}`,`- **Workflow run:** ${i.run_url?Rt("run",i.run_url):"\u2014"}`,`- **Pull request:** ${i.pull_request?r?Xe(i.pull_request,`${r}/pull/${i.pull_request}`):`&#35;${i.pull_request}`:"\u2014"}`,`- **Parent version:** ${i.parent_version??"\u2014"}`,`- **Training run:** ${t.trainingRun?t.trainingRun.url?Rt(t.trainingRun.id,t.trainingRun.url):`\`${B(t.trainingRun.id)}\``:"\u2014"}`,`- **Registry commit:** ${n(t.registeredIn?.commit)}`),t.promotions.length&&o.push("","### Promotions","");for(let l of t.promotions)o.push(`- ${v(l.date)}: ${b(l.action)} to ${b(l.stage??"")} by ${b(l.actor??l.author)}`);return o.push("",`_Generated by modelci from the registry record of ${b(t.model)} ${t.version}._`,""),o.join(`
`)}function pe(t){return t?[...t.path?[`- **File:** \`${B(t.path)}\``]:[],`- **sha256:** \`${B(t.sha256)}\``,...t.rows!==void 0?[`- **Rows:** ${t.rows}`]:[],...typeof t.bytes=="number"?[`- **Size:** ${G(t.bytes)}`]:[]]:["No fingerprint recorded."]}function B(t){return t.replace(/[`\r\n\u0000-\u001f]/g," ")}async function fe(t){let e=t.config??{version:1},r=tt(t.registry??I(e.registry).path),{model:o,ref:a}=Ft(t.ref),d=r.resolveVersion(o,a),i=r.getVersion(o,d),n=Mt(r,o,e,[]),l=await rt(r.dir,t.env??process.env);n.history=l?.audit.filter(u=>W(u,o))??[],n.runs=Ct(n,l?.runs.get(o));let c=ge(st(n,i),{...t.repositoryUrl?{repositoryUrl:t.repositoryUrl}:{}});return t.out&&(tr(rr(t.out),{recursive:!0}),er(t.out,c)),{model:o,version:d,markdown:c,...t.out?{file:t.out}:{}}}import{join as Dr}from"node:path";import{existsSync as Pt,mkdirSync as he,readdirSync as or,readFileSync as nr,renameSync as _t,rmSync as $e,statSync as sr,writeFileSync as ir}from"node:fs";import{basename as ye,dirname as be,join as lt,resolve as ar}from"node:path";var lr=/<meta name="generator" content="modelci"\s*\/?>/;function ve(t,e){let r=ar(t);if(Pt(r)&&!dr(r))throw new N("INPUT","the output folder exists and is not a modelci site",{file:t,hint:"Choose an empty or new folder for --out (it is replaced on every build)"});let o=be(r);he(o,{recursive:!0});let a=`${process.pid}-${Date.now()}`,d=lt(o,`.${ye(r)}.new-${a}`),i=0;try{for(let n of e){let l=lt(d,n.path);he(be(l),{recursive:!0}),ir(l,n.content),i+=Buffer.byteLength(n.content)}if(Pt(r)){let n=lt(o,`.${ye(r)}.old-${a}`);_t(r,n),_t(d,r),$e(n,{recursive:!0,force:!0})}else _t(d,r)}catch(n){throw $e(d,{recursive:!0,force:!0}),n}return{files:e.length,bytes:i}}function dr(t){if(!sr(t).isDirectory())return!1;if(or(t).length===0)return!0;let r=lt(t,"index.html");return Pt(r)&&nr(r,"utf8").slice(0,2e3).match(lr)!==null}var we=`:root{color-scheme:light dark;--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--border:#d1d9e0;--surface:#f6f8fa;--accent:#0969da;--ok:#1a7f37;--bad:#d1242f;--warn:#9a6700;--band:rgba(9,105,218,.16);--mark:#8250df}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--border:#3d444d;--surface:#151b23;--accent:#4493f8;--ok:#3fb950;--bad:#f85149;--warn:#d29922;--band:rgba(68,147,248,.22);--mark:#ab7df8}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
a{color:var(--accent)}
a:focus-visible,summary:focus-visible,input:focus-visible,select:focus-visible,[tabindex]:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem}
.skip:focus{left:.5rem}
header.site{border-bottom:1px solid var(--border);background:var(--surface)}
header.site .inner,main,footer.site{max-width:76rem;margin:0 auto;padding:.75rem 1rem}
header.site .inner{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline}
header.site .brand{font-weight:600;font-size:1.1rem;color:var(--fg);text-decoration:none}
header.site nav ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0}
nav.crumbs ol{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;margin:0 0 .5rem;padding:0;color:var(--muted);font-size:.9rem}
nav.crumbs li+li::before{content:"/";margin-right:.25rem}
h1{font-size:1.6rem;margin:.25rem 0 .5rem;overflow-wrap:anywhere}
h2{font-size:1.25rem;margin:2rem 0 .5rem;padding-bottom:.25rem;border-bottom:1px solid var(--border)}
h3{font-size:1.05rem;margin:1.25rem 0 .4rem}
p,ul,dl{margin:.4rem 0 .8rem}
.muted,footer.site{color:var(--muted)}
footer.site{border-top:1px solid var(--border);margin-top:2rem;font-size:.85rem}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88em;overflow-wrap:anywhere}
.table-wrap{overflow-x:auto;margin:.5rem 0 1rem;border:1px solid var(--border);border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{padding:.4rem .6rem;text-align:left;vertical-align:top;border-bottom:1px solid var(--border)}
thead th{background:var(--surface);position:sticky;top:0;font-weight:600}
tbody tr:last-child>*{border-bottom:0}
tbody th{font-weight:400}
tbody th a{font-weight:600}
.time,.sha{white-space:nowrap}
@media (min-width:40rem){td.text{overflow-wrap:anywhere}}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.badge{display:inline-block;padding:0 .45rem;border:1px solid var(--border);border-radius:1rem;font-size:.8rem;white-space:nowrap;margin:0 .2rem .1rem 0}
.badge.stage{border-color:var(--mark);color:var(--mark)}
.ok{color:var(--ok)}.bad{color:var(--bad)}.warn{color:var(--warn)}
.badge.ok{border-color:var(--ok)}.badge.bad{border-color:var(--bad)}.badge.warn{border-color:var(--warn)}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.75rem;margin:.5rem 0 1rem}
.card{border:1px solid var(--border);border-radius:6px;padding:.6rem .8rem;background:var(--surface)}
.card h3{margin:0 0 .25rem}
.card p{margin:.15rem 0}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.problem{border:1px solid var(--bad);border-left-width:4px;border-radius:6px;padding:.5rem .8rem;margin:.5rem 0}
.notice{border:1px solid var(--warn);border-left-width:4px;border-radius:6px;padding:.5rem .8rem;margin:.5rem 0}
.prose{white-space:pre-line;max-width:48rem}
.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,35rem),1fr));gap:1rem}
figure{margin:0}
figcaption{font-size:.9rem;color:var(--muted)}
svg.chart{max-width:100%;height:auto;display:block;border:1px solid var(--border);border-radius:6px;background:var(--bg)}
.chart-grid{stroke:var(--border);stroke-width:1}
.chart-axis{stroke:var(--muted);stroke-width:1}
.chart-tick{fill:var(--muted);font-size:11px}
.chart-line{fill:none;stroke:var(--accent);stroke-width:2}
.chart-band{fill:var(--band);stroke:none}
.chart-point{fill:var(--accent);stroke:var(--bg);stroke-width:1}
.chart-point.bad{fill:var(--bad)}
.chart-point.good{fill:var(--ok)}
.chart-mark{stroke:var(--mark);stroke-dasharray:4 3}
.chart-mark-label{fill:var(--mark);font-size:11px}
.chart-threshold{stroke:var(--bad);stroke-dasharray:6 4}
.chart-threshold-label{fill:var(--bad);font-size:11px}
.chart-bar{stroke:var(--accent);stroke-width:1.5}
form.filter{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:.5rem 0}
form.filter input,form.filter select{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--border);border-radius:6px;padding:.25rem .5rem}
.pager{display:flex;gap:1rem;flex-wrap:wrap}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:40rem){body{font-size:14px}th,td{padding:.3rem .4rem}dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.3rem}
table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}table.stack tr{display:block;padding:.3rem 0;border-bottom:1px solid var(--border)}table.stack th,table.stack td{display:block;border:0}table.stack td[data-label]::before{content:attr(data-label);display:block;font-size:.8em;font-weight:600;color:var(--muted)}}
`,xe=`"use strict";
for (const form of document.querySelectorAll("form[data-filter]")) {
  const table = document.getElementById(form.dataset.filter);
  if (!table || !table.tBodies[0]) continue;
  const rows = Array.from(table.tBodies[0].rows, (row) => ({ row, text: row.textContent.toLowerCase() }));
  const count = form.querySelector("output");
  const selects = Array.from(form.querySelectorAll("select"));
  const query = form.querySelector("input[type=search]");
  const apply = () => {
    const text = query ? query.value.trim().toLowerCase() : "";
    let shown = 0;
    for (const { row, text: rowText } of rows) {
      let ok = !text || rowText.includes(text);
      for (const s of selects) if (ok && s.value && row.dataset[s.name] !== s.value) ok = false;
      row.hidden = !ok;
      if (ok) shown++;
    }
    if (count) count.textContent = shown + " of " + rows.length + " shown";
  };
  const params = new URLSearchParams(location.search);
  for (const control of [query, ...selects])
    if (control && params.has(control.name)) control.value = params.get(control.name);
  form.addEventListener("input", apply);
  form.addEventListener("submit", (e) => e.preventDefault());
  form.hidden = false;
  apply();
}
`;var m={catalog:"index.html",audit:(t=1)=>t===1?"audit.html":`audit-${t}.html`,model:t=>`models/${t}/index.html`,modelAudit:(t,e=1)=>e===1?`models/${t}/audit.html`:`models/${t}/audit-${e}.html`,version:(t,e)=>`models/${t}/versions/${e}.html`,stylesheet:"assets/site.css",script:"assets/site.js"};function C(t,e,r){let o=t.split("/").length-1;return`${"../".repeat(o)}${e}${r?`#${r}`:""}`}var cr="default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";function ur(t,e){return t.repositoryUrl?`${t.repositoryUrl.replace(/\/+$/,"")}/commit/${e}`:void 0}function pr(t,e){return t.repositoryUrl?`${t.repositoryUrl.replace(/\/+$/,"")}/pull/${e}`:void 0}function H(t,e){return e?_(ur(t,e),s`<code class="sha">${Bt(e)}</code>`):s`—`}function L(t,e){return e===void 0?s``:_(pr(t,e),`#${e}`)}function D(t,e){let r=i=>C(e.path,i),o=e.crumbs.length?s`<nav class="crumbs" aria-label="Breadcrumb">
        <ol>
          ${e.crumbs.map((i,n)=>i.path&&n<e.crumbs.length-1?s`<li><a href="${r(i.path)}">${i.label}</a></li>`:s`<li aria-current="page">${i.label}</li>`)}
        </ol>
      </nav>`:"",a=s`Built by modelci on ${v(t.generatedAt)}${t.commit?s` from commit ${H(t,t.commit)}`:""}.`;return s`<!doctype html>
<html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta http-equiv="Content-Security-Policy" content="${cr}" />
        <meta name="referrer" content="no-referrer" />
        <meta name="generator" content="modelci" />
        <title>${e.title} · ${t.title}</title>
        <link rel="stylesheet" href="${r(m.stylesheet)}" />
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <div class="inner">
            <a class="brand" href="${r(m.catalog)}">${t.title}</a>
            <nav aria-label="Site">
              <ul>
                <li><a href="${r(m.catalog)}">Models</a></li>
                <li><a href="${r(m.audit())}">Audit log</a></li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main">${o} ${e.body}</main>
        <footer class="site"><p>${a}</p></footer>
        ${e.script?s`<script src="${r(m.script)}"></script>`:""}
      </body>
</html>
`.value.replace(/\n[ \t]+/g,`
`).replace(/\n+>/g,">").replace(/\s+(<\/?(?:tr|td|th|thead|tbody)[\s>])/g,"$1").replace(/(<(?:tr|td|th)(?:\s[^>]*)?>)\s+/g,"$1")}function M(t){return t.rows.length===0&&t.empty?s`<p class="muted">${t.empty}</p>`:s`<div class="table-wrap" role="region" aria-label="${t.caption}" tabindex="0"><table${t.id?s` id="${t.id}"`:""}${t.stack?s` class="stack"`:""}><caption class="sr-only">${t.caption}</caption><thead><tr>${t.head}</tr></thead><tbody>${t.rows}</tbody></table></div>`}function dt(t,e,r){return s`<form
    class="filter"
    data-filter="${t}"
    role="search"
    aria-label="${e}"
    hidden
  >
    <label>Search <input type="search" name="q" autocomplete="off" /></label>${r.map(o=>s`<label
          >${o.label}
          <select name="${o.name}">
            <option value="">all</option>
            ${o.options.map(a=>s`<option value="${a}">${a}</option>`)}
          </select></label
        >`)}<output aria-live="polite"></output>
  </form>`}function ct(t){return s`${t.map(e=>e.endsWith("#")?s`<th scope="col" class="num">${e.slice(0,-1)}</th>`:s`<th scope="col">${e}</th>`)}`}function k(t,e=""){return s`<span class="badge${e?` ${e}`:""}">${t}</span>`}var Lo=de("&nbsp;");var ut=500;function Tt(t,e){let r=e?t.audit.filter(n=>W(n,e)):t.audit,o=n=>e?m.modelAudit(e,n):m.audit(n),a=Math.max(1,Math.ceil(r.length/ut)),d=new Map(t.models.map(n=>[n.name,new Set(n.versions.map(l=>l.version))])),i=[];for(let n=1;n<=a;n++){let l=o(n),c=r.slice((n-1)*ut,n*ut),u=e?`Audit log of ${e}`:"Audit log",h=e?[{label:"Models",path:m.catalog},{label:e,path:m.model(e)},{label:"Audit log"}]:[{label:"Models",path:m.catalog},{label:"Audit log"}],$=a>1?s`<nav class="pager" aria-label="Audit log pages">
            ${Array.from({length:a},(g,j)=>j+1).map(g=>g===n?s`<span aria-current="page">page ${g}</span>`:s`<a href="${C(l,o(g))}">page ${g}</a>`)}
          </nav>`:"",P=(n-1)*ut+1,f=s`<h1>${u}</h1>
      <p>
        Every change to the registry is one git commit with trailers (<code>Model:</code>,
        <code>Version:</code>, <code>Stage:</code>, <code>Registry-Action:</code>,
        <code>Actor:</code>, <code>Run:</code>); this is <code>git log</code> of the registry
        folder, newest
        first.${a>1?` Commits ${P}\u2013${P+c.length-1} of ${r.length}.`:""}
      </p>
      ${t.hasHistory?"":s`<p class="notice">The registry was not read from a git checkout: there is no history to show.</p>`}
      ${$}
      ${c.length>1?dt("audit-table","Filter the audit log",[...e?[]:[{name:"model",label:"Model",options:[...new Set(c.map(g=>g.model))].sort()}],{name:"action",label:"Action",options:[...new Set(c.map(g=>g.action))].sort()},{name:"stage",label:"Stage",options:[...new Set(c.flatMap(g=>g.stage?[g.stage]:[]))].sort()}]):""}
      ${M({id:"audit-table",caption:u,empty:"No registry commits found.",head:ct(["When",...e?[]:["Model"],"Action","Version","Stage","By","Message","Run","Pull request","Commit"]),rows:c.map(g=>mr(t,d,g,l,!e))})}
      ${$}`;i.push({path:l,content:D(t,{path:l,title:u,crumbs:h,body:f,script:c.length>1})})}return i}function mr(t,e,r,o,a){let d=e.get(r.model),i=r.version!==void 0&&d?.has(r.version);return s`<tr data-model="${r.model}" data-action="${r.action}" data-stage="${r.stage??""}">
    <td class="time">${v(r.date)}</td>
    ${a?s`<td>
            ${d?s`<a href="${C(o,m.model(r.model))}">${r.model}</a>`:r.model}
          </td>`:""}
    <td>
      ${r.action}${r.manual?s`<br />${k("no trailers","warn")}`:""}
    </td>
    <td>
      ${i?s`<a href="${C(o,m.version(r.model,r.version))}"
              >${r.version}</a
            >`:r.version??"\u2014"}
    </td>
    <td>${r.stage?k(r.stage,"stage"):"\u2014"}</td>
    <td class="text">
      ${r.actor??r.author}${r.mergedBy?s`<br /><span class="muted">merged by ${r.mergedBy}</span>`:""}
    </td>
    <td class="text">${r.subject}${r.body?s`<br /><span class="muted">${r.body}</span>`:""}</td>
    <td>${r.run?_(r.run,"run"):"\u2014"}</td>
    <td>${r.pullRequest?L(t,r.pullRequest):"\u2014"}</td>
    <td>${H(t,r.commit)}</td>
  </tr>`}function Ce(t,e,r){let o=m.version(e.name,r.version),a=[{label:"Models",path:m.catalog},{label:e.name,path:m.model(e.name)},{label:r.version}],d=`${e.name} ${r.version}`;if(!r.record){let n=s`<h1>${d}</h1>
      <div class="problem" role="alert">
        <p><strong>This version's record could not be read.</strong></p>
        <p>${r.error??"unknown error"}</p>
        <p>
          File: <code>${r.file}</code>. Restore it from git history (<code
            >git log -p -- ${r.file}</code
          >); <code>modelci registry verify</code> checks every record.
        </p>
      </div>`;return D(t,{path:o,title:`${d} (unreadable)`,crumbs:a,body:n})}let i=st(e,r.record);return D(t,{path:o,title:`${d} model card`,crumbs:a,body:fr(t,i,o)})}function T(t,e,r){return s`<section aria-labelledby="${t}">
    <h2 id="${t}">${e}</h2>
    ${r}
  </section>`}function O(t,e){let r=t.text[e];return typeof r=="string"&&r.trim()?s`<p class="prose">${r.trim()}</p>`:s`<p class="muted">
    Not documented. Add <code>models.${t.model}.card.${e}</code> to modelci.yaml.
  </p>`}function ke(t,e){return t?s`<dl class="facts">
    ${t.path?s`<dt>File</dt>
            <dd><code>${t.path}</code></dd>`:""}
    <dt>sha256</dt>
    <dd><code>${t.sha256}</code></dd>
    ${t.rows!==void 0?s`<dt>Rows</dt>
            <dd>${t.rows}</dd>`:""}${typeof t.bytes=="number"?s`<dt>Size</dt>
            <dd>${G(t.bytes)}</dd>`:""}
  </dl>`:s`<p class="muted">No ${e} fingerprint recorded.</p>`}function gr(t){if(!t)return s`—`;let e=s`<code>${t.id}</code>`;return s`${t.url?_(t.url,e):e}${t.created_at?s` <span class="muted">(${v(t.created_at)})</span>`:""}`}function fr(t,e,r){let o=n=>C(r,n),a=n=>s`<a href="${o(m.version(e.model,n))}">${n}</a>`,d=e.metrics.find(n=>n.primary),i=e.lineage;return s`<h1>${e.model} ${e.version} <span class="muted">model card</span></h1>
    ${e.deprecated?s`<p class="notice" role="note"><strong>Deprecated</strong> on ${v(e.deprecated.at)} by ${e.deprecated.by}${e.deprecated.reason?s`: ${e.deprecated.reason}`:""}. It can no longer be promoted.</p>`:""}
    <p>
      ${e.stages.length?s`Held by ${e.stages.map(n=>k(n,"stage"))}`:s`<span class="muted">No stage holds this version.</span>`}${d?s` · <code>${d.name}</code>
              <strong>${x(d.value)}</strong
              >${d.ci?s` (95% interval ${E(d.ci)})`:""}`:""}${e.gates?s` · gates ${e.gates.passed?s`<span class="ok">passed</span>`:s`<span class="bad">failed</span>`}`:""}
    </p>
    ${T("details","Model details",s`${e.description?s`<p class="prose">${e.description}</p>`:""}
        <dl class="facts">
          <dt>Model</dt>
          <dd>${e.model}</dd>
          <dt>Version</dt>
          <dd>${e.version}</dd>
          <dt>Task</dt>
          <dd>${e.task??"\u2014"}</dd>
          <dt>Owners</dt>
          <dd>${e.owners.length?e.owners.join(", "):"\u2014"}</dd>
          ${e.text.contact?s`<dt>Contact</dt>
                  <dd>${e.text.contact}</dd>`:""}
          ${e.text.license?s`<dt>License</dt>
                  <dd>${e.text.license}</dd>`:""}
          <dt>Format</dt>
          <dd>${e.artifact.format}</dd>
          <dt>Artifact</dt>
          <dd><code>${e.artifact.uri}</code></dd>
          <dt>Artifact sha256</dt>
          <dd><code>${e.artifact.sha256}</code></dd>
          <dt>Artifact size</dt>
          <dd>${G(e.artifact.bytes)}</dd>
          <dt>Registered</dt>
          <dd>${v(e.createdAt)} by ${e.createdBy}</dd>
        </dl>`)}
    ${T("intended-use","Intended use",s`${O(e,"intended_use")}
        <h3>Intended users</h3>
        ${O(e,"users")}
        <h3>Out of scope</h3>
        ${O(e,"out_of_scope_use")}`)}
    ${T("metrics","Metrics",s`${M({caption:`Metrics of ${e.model} ${e.version} on the evaluation data`,empty:"No metrics recorded (the version was registered without an evaluation report).",head:s`<th scope="col">Metric</th>
            <th scope="col" class="num">Value</th>
            <th scope="col" class="num">95% interval</th>
            <th scope="col">Better</th>`,rows:e.metrics.map(n=>s`<tr>
                <th scope="row">
                  <code>${n.name}</code>${n.primary?s` ${k("primary")}`:""}
                </th>
                <td class="num">${x(n.value)}</td>
                <td class="num">${n.ci?E(n.ci):"\u2014"}</td>
                <td>${n.direction??"\u2014"}</td>
              </tr>`)})}${e.metrics.some(n=>n.ci)?s`<p class="muted">Intervals are 95% bootstrap confidence intervals over the evaluation rows.</p>`:""}
        <h3>Gates</h3>
        ${e.gates?M({caption:"Gate results at registration",head:s`<th scope="col">Gate</th>
                  <th scope="col">Result</th>
                  <th scope="col">Why</th>`,rows:e.gates.results.map(n=>s`<tr>
                      <th scope="row"><code>${n.gate}</code></th>
                      <td>
                        ${n.passed?s`<span class="ok">passed</span>`:s`<span class="bad">failed</span>`}
                      </td>
                      <td>${n.reason}</td>
                    </tr>`),empty:"No gates were configured."}):s`<p class="muted">No gate results recorded.</p>`}`)}
    ${T("evaluation-data","Evaluation data",s`${O(e,"evaluation_data")}${ke(e.evaluationData,"evaluation data")}`)}
    ${T("training-data","Training data",s`${O(e,"training_data")}${ke(e.trainingData,"training data")}`)}
    ${T("slices","Slices",hr(e))}
    ${T("limitations","Limitations",O(e,"limitations"))}
    ${T("ethics","Ethical considerations",O(e,"ethical_considerations"))}
    ${T("caveats","Caveats and recommendations",O(e,"caveats"))}
    ${T("params","Parameters",e.params&&Object.keys(e.params).length?M({caption:"Training parameters",head:s`<th scope="col">Parameter</th>
              <th scope="col">Value</th>`,rows:Object.entries(e.params).map(([n,l])=>s`<tr>
                  <th scope="row"><code>${n}</code></th>
                  <td><code>${Z(l)}</code></td>
                </tr>`)}):s`<p class="muted">No parameters recorded.</p>`)}
    ${T("signature","Signature",e.signature?M({caption:"Model inputs and outputs",head:s`<th scope="col">Tensor</th>
              <th scope="col">Kind</th>
              <th scope="col">Type and shape</th>`,rows:[...e.signature.inputs.map(n=>s`<tr>
                    <th scope="row"><code>${n.name}</code></th>
                    <td>input</td>
                    <td><code>${J(n)}</code></td>
                  </tr>`),...e.signature.outputs.map(n=>s`<tr>
                    <th scope="row"><code>${n.name}</code></th>
                    <td>output</td>
                    <td><code>${J(n)}</code></td>
                  </tr>`)]}):s`<p class="muted">No signature recorded.</p>`)}
    ${T("lineage","Lineage",s`<dl class="facts">
          <dt>Code commit</dt>
          <dd>${H(t,i.commit)}${i.ref?s` on <code>${i.ref}</code>`:""}</dd>
          <dt>Workflow run</dt>
          <dd>${i.run_url?_(i.run_url,i.run_url):"\u2014"}</dd>
          <dt>Pull request</dt>
          <dd>${i.pull_request?L(t,i.pull_request):"\u2014"}</dd>
          <dt>Parent version</dt>
          <dd>${i.parent_version?a(i.parent_version):"\u2014"}</dd>
          <dt>Training run</dt>
          <dd>${gr(e.trainingRun)}</dd>
          <dt>Registry commit</dt>
          <dd>${e.registeredIn?H(t,e.registeredIn.commit):"\u2014"}</dd>
        </dl>
        ${e.promotions.length?s`<h3>Promotions</h3>
                <ul>
                  ${e.promotions.map(n=>s`<li>${v(n.date)}: ${n.action} to ${k(n.stage??"","stage")} by ${n.actor??n.author}${n.pullRequest?s` (pull request ${L(t,n.pullRequest)})`:""}</li>`)}
                </ul>`:""}`)}
    <p class="muted">
      The same card as Markdown with Hugging Face metadata:
      <code>modelci card ${e.model}@${e.version}</code>.
    </p>`}function hr(t){if(t.slices.length===0)return s`<p class="muted">
      No slice metrics recorded. Set <code>models.${t.model}.evaluate.slices</code> to evaluate
      per slice.
    </p>`;let e=it(t);return M({caption:"Metrics per slice of the evaluation data",head:s`<th scope="col">Column</th>
      <th scope="col">Value</th>
      <th scope="col" class="num">Rows</th>
      ${e.map(r=>s`<th scope="col" class="num">${r}</th>`)}`,rows:t.slices.map(r=>s`<tr>
          <td><code>${r.column}</code></td>
          <td>${r.value}</td>
          <td class="num">${r.rows}</td>
          ${e.map(o=>{let a=r.metrics[o];return s`<td class="num">
              ${a?`${x(a.value)}${a.ci?` [${E(a.ci)}]`:""}`:"\u2014"}
            </td>`})}
        </tr>`)})}function Me(t){let e=m.catalog,r=i=>C(e,i),o=t.models.reduce((i,n)=>i+n.versions.length,0),a=t.models.map(i=>$r(t,i,r)),d=s`<h1>${t.title}</h1>
    <p class="muted">
      ${t.models.length} model${t.models.length===1?"":"s"} · ${o}
      version${o===1?"":"s"} ·
      ${t.hasHistory?s`<a href="${r(m.audit())}">${t.audit.length} registry commits</a>`:"no git history (the registry was not read from a git checkout)"}
    </p>
    ${t.problems.length?s`<p class="problem" role="alert"><strong>${t.problems.length} file${t.problems.length===1?"":"s"} could not be read.</strong> They are listed <a href="#problems">below</a> and marked on their pages; everything else is shown.</p>`:""}
    <h2 id="models">Models</h2>
    ${M({caption:"Models: what each stage holds, its quality and drift",empty:"The registry holds no models yet. Register one with `modelci register`.",head:s`<th scope="col">Model</th>
        <th scope="col">Serving</th>
        <th scope="col">Quality</th>
        <th scope="col">Drift</th>
        <th scope="col">Other stages</th>
        <th scope="col">Latest</th>
        <th scope="col">Owners</th>`,rows:a,stack:!0})}
    ${vr(t.problems,e)}`;return D(t,{path:e,title:"Models",crumbs:[],body:d})}function $r(t,e,r){let o=ne(e),a=se(e,t.stageOrder),d=a?.pointer?o.get(a.pointer.version)?.record:void 0,i=F(e),n=K(d,i),l=e.versions[e.versions.length-1],c=a?nt(e,a):void 0,u=g=>o.has(g)?s`<a href="${r(m.version(e.name,g))}">${g}</a>`:s`${g} <span class="bad">(not registered)</span>`,h=a?.pointer?s`${k(a.stage,"stage")} ${u(a.pointer.version)}<br /><span
          class="muted"
          >since
          ${V(a.pointer.promoted_at)}${yr(a.pointer.promoted_at,t.generatedAt)}</span
        ><br /><span class="muted">${c?s`${c.how} by ${c.by}`:""}</span>`:s`<span class="muted">nothing promoted</span>`,$=n&&i?s`<span class="mono">${i}</span><br /><strong>${x(n.value)}</strong>${n.ci?s`<br /><span class="muted time">95% CI [${E(n.ci)}]</span>`:""}`:s`<span class="muted"
          >${i?`no ${i} recorded`:"no metrics recorded"}</span
        >`,P=e.stages.filter(g=>g!==a).map(g=>g.pointer?s`${k(g.stage,"stage")} ${u(g.pointer.version)} `:g.error?s`${k(g.stage,"bad")} <span class="bad">unreadable</span> `:""),f=(e.recordError?1:0)+e.versions.filter(g=>g.error).length+e.stages.filter(g=>g.error).length;return s`<tr>
    <th scope="row">
      <a href="${r(m.model(e.name))}">${e.name}</a>${e.description?s`<br /><span class="muted">${br(e.description,140)}</span>`:""}${f?s`<br /><span class="bad">${f} unreadable file${f===1?"":"s"}</span>`:""}
    </th>
    <td class="text" data-label="Serving">${h}</td>
    <td data-label="Quality">${$}</td>
    <td data-label="Drift">${pt(ae(e))}</td>
    <td data-label="Other stages">${P.length?P:s`<span class="muted">—</span>`}</td>
    <td data-label="Latest">
      ${l?s`${u(l.version)}<br /><span class="muted"
                >${V(l.record?.created_at)}</span
              >`:s`<span class="muted">no versions</span>`}
    </td>
    <td class="text" data-label="Owners">${e.owners.length?e.owners.join(", "):s`<span class="muted">—</span>`}</td>
  </tr>`}function yr(t,e){let r=et(t,e);return r?` (${r})`:""}function pt(t){if(!t)return s`<span class="muted">not checked</span>`;let e=`${(t.share*100).toFixed(0)}% of columns`;return t.drifted?s`<span class="bad">drifting</span><br /><span class="muted"
          >${e}${t.performance_drifted?", performance dropped":""} ·
          ${V(t.at)}</span
        >`:s`<span class="ok">stable</span><br /><span class="muted"
          >${e} · ${V(t.at)}</span
        >`}function br(t,e){return t.length>e?`${t.slice(0,e-1)}\u2026`:t}function vr(t,e){if(t.length===0)return s``;let r=o=>C(e,o);return s`<h2 id="problems">Problems</h2>
    <p>
      These registry and drift history files could not be read. The site shows everything else;
      <code>modelci registry verify</code> checks the registry's files.
    </p>
    ${M({caption:"Files that could not be read",head:s`<th scope="col">File</th>
        <th scope="col">Problem</th>
        <th scope="col">Shown on</th>`,rows:t.map(o=>s`<tr>
            <td><code>${o.file}</code></td>
            <td>${o.message}</td>
            <td>
              ${o.model&&o.version?s`<a href="${r(m.version(o.model,o.version))}"
                      >${o.model} ${o.version}</a
                    >`:o.model?s`<a href="${r(m.model(o.model))}">${o.model}</a>`:"\u2014"}
            </td>
          </tr>`)})}`}var U=560,mt=200,w={left:56,right:16,top:16,bottom:30},wr=200,y=t=>(Math.round(t*10)/10).toString();function xr(t,e,r=4){if(!(e>t))return[t];let o=(e-t)/r,a=10**Math.floor(Math.log10(o)),d=[1,2,5,10].map(n=>n*a).find(n=>n>=o)??10*a,i=[];for(let n=Math.ceil(t/d)*d;n<=e+d*1e-9;n+=d)i.push(Number(n.toPrecision(12)));return i}function kr(t){if(t.yDomain)return t.yDomain;let e=1/0,r=-1/0;for(let a of t.points)for(let d of[a.value,a.low,a.high])d!==void 0&&Number.isFinite(d)&&(e=Math.min(e,d),r=Math.max(r,d));if(t.threshold&&(e=Math.min(e,t.threshold.value),r=Math.max(r,t.threshold.value)),!Number.isFinite(e))return[0,1];let o=r>e?(r-e)*.08:Math.abs(r)*.05||.5;return[e-o,r+o]}function Cr(t){let e=t.format??(l=>x(l)),r=t.points;if(r.length===0)return`No ${t.unit}s to chart.`;let o=r[0],a=r[r.length-1],d=o,i=o;for(let l of r)l.value>d.value&&(d=l),l.value<i.value&&(i=l);let n=`${r.length} ${t.unit}${r.length===1?"":"s"}`;return r.length===1?`${t.title}: ${e(o.value)} (${o.label}), 1 ${t.unit}.`:`${t.title} over ${n}: from ${e(o.value)} (${o.label}) to ${e(a.value)} (${a.label}); highest ${e(d.value)} (${d.label}), lowest ${e(i.value)} (${i.label}).`}function Et(t){let e=t.format??(p=>x(p)),r=t.points.filter(p=>Number.isFinite(p.value)),[o,a]=kr(t),d=U-w.left-w.right,i=mt-w.top-w.bottom,n=p=>r.length===1?w.left+d/2:w.left+p*d/(r.length-1),l=p=>w.top+i-(Math.min(Math.max(p,o),a)-o)/(a-o||1)*i,u=xr(o,a).filter(p=>p>=o&&p<=a).map(p=>s`<line
          class="chart-grid"
          x1="${w.left}"
          x2="${U-w.right}"
          y1="${y(l(p))}"
          y2="${y(l(p))}"
        /><text class="chart-tick" x="${w.left-6}" y="${y(l(p)+4)}" text-anchor="end"
          >${e(p)}</text
        >`),h=[],$=[],P=()=>{if($.length>1){let p=$.map(A=>`${y(n(A))},${y(l(r[A].high))}`),S=$.map(A=>`${y(n(A))},${y(l(r[A].low))}`).reverse();h.push([...p,...S].join(" "))}$=[]};r.forEach((p,S)=>{p.low!==void 0&&p.high!==void 0?$.push(S):P()}),P();let f=r.map((p,S)=>`${S?"L":"M"}${y(n(S))} ${y(l(p.value))}`).join(""),g=r.length<=wr?r.map((p,S)=>{let A=p.low!==void 0&&p.high!==void 0?` [${e(p.low)}, ${e(p.high)}]`:"";return s`<circle
            class="chart-point${p.kind?` ${p.kind}`:""}"
            cx="${y(n(S))}"
            cy="${y(l(p.value))}"
            r="3.5"
            ><title>${p.label}: ${e(p.value)}${A}</title></circle
          >`}):[],j=0,X=r.flatMap((p,S)=>{if(!p.mark)return[];let A=n(S)>U*.7,He=w.top+10+12*(j++%4);return[s`<line class="chart-mark" x1="${y(n(S))}" x2="${y(n(S))}" y1="${w.top}" y2="${w.top+i}"/><text class="chart-mark-label" x="${y(n(S)+(A?-4:4))}" y="${He}" text-anchor="${A?"end":"start"}">${p.mark}</text>`]}),gt=r.length===1&&r[0].low!==void 0&&r[0].high!==void 0?s`<line class="chart-bar" x1="${y(n(0))}" x2="${y(n(0))}" y1="${y(l(r[0].low))}" y2="${y(l(r[0].high))}"/>`:"",Ee=t.threshold?s`<line
          class="chart-threshold"
          x1="${w.left}"
          x2="${U-w.right}"
          y1="${y(l(t.threshold.value))}"
          y2="${y(l(t.threshold.value))}"
        /><text
          class="chart-threshold-label"
          x="${w.left+4}"
          y="${y(l(t.threshold.value)-4)}"
          text-anchor="start"
          >${t.threshold.label}</text
        >`:"",Ht=new Set([0,r.length-1]),Dt=Math.min(4,r.length-2);for(let p=1;p<=Dt;p++)Ht.add(Math.round(p*(r.length-1)/(Dt+1)));let Ae=[...Ht].filter(p=>p>=0&&p<r.length).sort((p,S)=>p-S).map(p=>s`<text
          class="chart-tick"
          x="${y(n(p))}"
          y="${mt-8}"
          text-anchor="${r.length===1?"middle":p===0?"start":p===r.length-1?"end":"middle"}"
          >${r[p].label}</text
        >`),jt=`${t.id}-title`,Nt=`${t.id}-desc`;return s`<svg
    class="chart"
    viewBox="0 0 ${U} ${mt}"
    width="${U}"
    height="${mt}"
    role="img"
    aria-labelledby="${jt} ${Nt}"
    xmlns="http://www.w3.org/2000/svg"
  >
    <title id="${jt}">${t.title}</title>
    <desc id="${Nt}">
      ${Cr({...t,points:r})}${h.length||gt?gt?" The bar is the 95% interval.":" The shaded band is the 95% interval.":""}
    </desc>
    ${u}
    <line
      class="chart-axis"
      x1="${w.left}"
      x2="${U-w.right}"
      y1="${w.top+i}"
      y2="${w.top+i}"
    />
    ${ce(h.map(p=>s`<polygon class="chart-band" points="${p}" />`))}${gt}${Ee}${X}
    <path class="chart-line" d="${f}" />
    ${g}${Ae}
  </svg>`}var Se=4,Mr=6,At=30;function Re(t,e){let r=m.model(e.name),o=l=>C(r,l),a=F(e),d=a?e.direction??Y(a):void 0,i=[...e.recordError?[s`<code>model.yaml</code>: ${e.recordError}`]:[],...e.stages.filter(l=>l.error).map(l=>s`<code>stages/${l.stage}.yaml</code>: ${l.error}`),...e.versions.filter(l=>l.error).map(l=>s`<a href="${o(m.version(e.name,l.version))}">${l.version}</a>: ${l.error}`)],n=s`<h1>${e.name}</h1>
    ${e.description?s`<p class="prose">${e.description}</p>`:""}
    ${i.length?s`<div class="problem" role="alert">
            <p>
              <strong
                >${i.length} file${i.length===1?"":"s"} of this model
                could not be read:</strong
              >
            </p>
            <ul>
              ${i.map(l=>s`<li>${l}</li>`)}
            </ul>
          </div>`:""}
    <dl class="facts">
      <dt>Task</dt>
      <dd>${e.task??"\u2014"}</dd>
      <dt>Primary metric</dt>
      <dd>
        ${a?s`<code>${a}</code>${d?` (${d} is better)`:""}`:"\u2014"}
      </dd>
      <dt>Owners</dt>
      <dd>${e.owners.length?e.owners.join(", "):"\u2014"}</dd>
      <dt>Versions</dt>
      <dd>${e.versions.length}</dd>
      ${e.record?s`<dt>Registered since</dt>
              <dd>${v(e.record.created_at)}</dd>`:""}
    </dl>
    <p>
      <a href="${o(m.modelAudit(e.name))}">Audit log of ${e.name}</a> (${e.history.length}
      commits)
    </p>
    ${Sr(e,o)}
    <h2 id="stages">Stages</h2>
    ${Rr(t,e,r)}
    <h2 id="metrics">Metrics across versions</h2>
    ${Pr(t,e)}
    <h2 id="versions">Versions</h2>
    ${Tr(t,e,r)}
    <h2 id="timeline">Stage timeline</h2>
    ${Er(t,e)}
    <h2 id="drift">Drift</h2>
    ${Ar(e)}
    <h2 id="runs">Runs</h2>
    ${Hr(t,e)}`;return D(t,{path:r,title:e.name,crumbs:[{label:"Models",path:m.catalog},{label:e.name}],body:n,script:!0})}function Sr(t,e){let r=t.history.filter(o=>o.manual).length;return r===0?s``:s`<p class="notice" role="note">
    ${r} commit${r===1?"":"s"} changed files of ${t.name} without modelci's trailers (by hand,
    not through register or promote): see them in the
    <a href="${e(m.modelAudit(t.name))}?action=edit">audit log</a>.
  </p>`}function Rr(t,e,r){let o=d=>C(r,d),a=new Set(e.versions.map(d=>d.version));return e.stages.length===0?s`<p class="muted">No stage holds a version of ${e.name} yet.</p>`:s`<div class="cards">${e.stages.map(d=>_r(t,e,d,a,o))}</div>`}function _r(t,e,r,o,a){if(r.error)return s`<section class="card problem" aria-label="Stage ${r.stage}">
      <h3>${r.stage}</h3>
      <p class="bad">The pointer file could not be read: ${r.error}</p>
    </section>`;let d=r.pointer;if(!d)return s`<section class="card" aria-label="Stage ${r.stage}">
      <h3>${r.stage}</h3>
      <p class="muted">holds no version</p>
    </section>`;let i=nt(e,r),n=i?.event,l=et(d.promoted_at,t.generatedAt);return s`<section class="card" aria-label="Stage ${r.stage}">
    <h3>${r.stage}</h3>
    <p>
      <strong
        >${o.has(d.version)?s`<a href="${a(m.version(e.name,d.version))}">${e.name} ${d.version}</a>`:s`${d.version} <span class="bad">(not registered)</span>`}</strong
      >${d.rollback?s` ${k("rollback","warn")}`:""}
    </p>
    <p>since ${v(d.promoted_at)}${l?` (${l})`:""}</p>
    <p>
      ${i?s`${i.how} by <strong>${i.by}</strong>`:""}${n?.actor&&i&&n.actor!==i.by?` (run by ${n.actor})`:""}
    </p>
    ${d.reason?s`<p>why: ${d.reason}</p>`:""}
    ${d.previous?s`<p class="muted">before: ${o.has(d.previous)?s`<a href="${a(m.version(e.name,d.previous))}">${d.previous}</a>`:d.previous}</p>`:""}
    <p class="muted">
      ${d.run_url?s`${_(d.run_url,"workflow run")} · `:""}${n?.pullRequest?s`pull request ${L(t,n.pullRequest)} · `:""}${n?s`commit ${H(t,n.commit)}`:""}
    </p>
  </section>`}function Pr(t,e){let r=St(e).slice(0,Mr);if(r.length===0)return s`<p class="muted">
      No version of ${e.name} has recorded metrics (register with an evaluation report to record
      them).
    </p>`;let o=new Map;for(let a of e.stages)a.pointer&&o.set(a.pointer.version,[o.get(a.pointer.version),a.stage].filter(Boolean).join(", "));return s`<div class="charts">
      ${r.map((a,d)=>{let i=[];for(let n of e.versions){let l=K(n.record,a);if(!l)continue;let c=o.get(n.version);i.push({label:n.version,value:l.value,...l.ci?{low:l.ci[0],high:l.ci[1]}:{},...c?{mark:c}:{}})}return s`<figure>
          ${Et({id:`chart-${d}`,title:`${a} by version`,points:i,unit:"version"})}
          <figcaption>
            <code>${a}</code> of each
            version${i.some(n=>n.low!==void 0)?" with its 95% interval (band)":""};
            dashed lines mark what the stages hold.
          </figcaption>
        </figure>`})}
    </div>
    <p class="muted">
      Values of every version are in the table below${t.hasHistory,""}.
    </p>`}function Tr(t,e,r){let o=n=>C(r,n),a=St(e).slice(0,Se),d=[...e.versions].reverse().map(n=>{let l=n.record,c=ot(e,n.version),u=n.error?"unreadable":l?.deprecated?"deprecated":l?.gates?l.gates.passed?"passed":"failed":"no gates";return s`<tr data-stage="${c.join(" ")||"none"}" data-state="${u}">
      <th scope="row"><a href="${o(m.version(e.name,n.version))}">${n.version}</a></th>
      ${n.error?s`<td colspan="${a.length+3}" class="bad">unreadable: ${n.error}</td>`:s`<td>${V(l?.created_at)}</td>
              <td>${l?.created_by??"\u2014"}</td>
              ${a.map(h=>s`<td class="num">${vt(K(l,h))}</td>`)}
              <td>
                ${l?.gates?l.gates.passed?s`<span class="ok">passed</span>`:s`<span class="bad">failed</span>`:s`<span class="muted">—</span>`}${l?.deprecated?s` ${k("deprecated","warn")}`:""}
              </td>`}
      <td>${c.map(h=>k(h,"stage"))}</td>
    </tr>`}),i=[...new Set([...t.stageOrder,...e.stages.map(n=>n.stage)])];return s`${e.versions.length>10?dt("versions-table","Filter versions",[{name:"stage",label:"Stage",options:[...i,"none"]},{name:"state",label:"Gates",options:["passed","failed","no gates","deprecated","unreadable"]}]):""}${M({id:"versions-table",caption:`Versions of ${e.name}, newest first`,empty:`${e.name} has no versions yet.`,head:s`<th scope="col">Version</th>
      <th scope="col">Registered</th>
      <th scope="col">By</th>
      ${a.map(n=>s`<th scope="col" class="num">${n}</th>`)}
      <th scope="col">Gates</th>
      <th scope="col">Stages</th>`,rows:d})}${a.length?s`<p class="muted">Metrics as value [95% interval].</p>`:""}`}function Er(t,e){if(!t.hasHistory)return s`<p class="notice">
      The registry was not read from a git checkout, so the timeline is unknown; the stage cards
      above show the current pointers.
    </p>`;let r=ie(e);return M({caption:`Promotions and rollbacks of ${e.name}, newest first`,empty:`No promotion of ${e.name} is recorded in git history.`,head:ct(["When","Stage","Version","What","By","Why","Run","Pull request","Commit"]),rows:r.map(o=>s`<tr>
          <td class="time">${v(o.date)}</td>
          <td>${k(o.stage??"","stage")}</td>
          <td>${o.version??"\u2014"}</td>
          <td>${o.action}</td>
          <td class="text">
            ${o.actor??o.author}${o.mergedBy?s`<br /><span class="muted">merged by ${o.mergedBy}</span>`:""}
          </td>
          <td class="text">${o.body??""}</td>
          <td>${o.run?_(o.run,"run"):"\u2014"}</td>
          <td>${o.pullRequest?L(t,o.pullRequest):"\u2014"}</td>
          <td>${H(t,o.commit)}</td>
        </tr>`)})}function Ar(t){if(t.drift.length===0)return s`<p class="muted">
      No drift checks recorded for ${t.name}. The drift workflow's history file (<code
        >modelci drift --history</code
      >) feeds this section: pass it to <code>modelci site --drift-history</code>.
    </p>`;let e=t.drift[t.drift.length-1],r=e.threshold,o=Et({id:"chart-drift",title:"Share of drifted columns by check",unit:"check",yDomain:[0,1],format:d=>`${(d*100).toFixed(0)}%`,...r!==void 0?{threshold:{value:r,label:`threshold ${(r*100).toFixed(0)}%`}}:{},points:t.drift.map(d=>({label:V(d.at),value:d.share,kind:d.drifted?"bad":"good"}))}),a=[...t.drift].reverse().slice(0,At).map(d=>s`<tr>
          <td class="time">${v(d.at)}</td>
          <td>${pt(d)}</td>
          <td class="num">${d.n_drifted} of ${d.n_tested}</td>
          <td>
            ${d.performance_drifted===void 0?s`<span class="muted">not checked</span>`:d.performance_drifted?s`<span class="bad">dropped</span>`:s`<span class="ok">held</span>`}
          </td>
          <td>${d.run_url?_(d.run_url,"run"):"\u2014"}</td>
        </tr>`);return s`<p>Last check ${v(e.at)}: ${pt(e)}</p>
    <figure>
      ${o}
      <figcaption>Share of columns that drifted at each check (red: drift found).</figcaption>
    </figure>
    ${M({caption:`Drift checks of ${t.name}, newest first`,head:s`<th scope="col">When</th>
        <th scope="col">Verdict</th>
        <th scope="col" class="num">Drifted columns</th>
        <th scope="col">Performance</th>
        <th scope="col">Run</th>`,rows:a})}${t.drift.length>At?s`<p class="muted">The ${At} newest of ${t.drift.length} checks; the chart shows all.</p>`:""}`}function Hr(t,e){if(e.runs.length===0)return s`<p class="muted">No training runs recorded for ${e.name}.</p>`;let r=[...new Set(e.runs.flatMap(i=>Object.keys(i.metrics??{})))].slice(0,Se),o=m.model(e.name),a=i=>C(o,i),d=new Set(e.versions.map(i=>i.version));return M({caption:`Training runs of ${e.name}, newest first`,head:s`<th scope="col">Run</th>
      <th scope="col">When</th>
      <th scope="col">Status</th>
      <th scope="col">Commit</th>
      ${r.map(i=>s`<th scope="col" class="num">${i}</th>`)}
      <th scope="col">Params</th>
      <th scope="col">Version</th>`,rows:e.runs.map(i=>i.error?s`<tr>
            <th scope="row"><code>${i.id}</code></th>
            <td colspan="${r.length+5}" class="bad">${i.error}</td>
          </tr>`:s`<tr>
            <th scope="row">
              ${i.url?_(i.url,s`<code>${i.id}</code>`):s`<code>${i.id}</code>`}
            </th>
            <td class="time">${v(i.created_at)}</td>
            <td>
              ${i.status?s`<span class="${i.status==="failed"?"bad":""}">${i.status}</span>`:"\u2014"}
              ${i.failure?s`<div class="muted">${i.failure}</div>`:""}
              ${i.tags?.length?s`<div>${i.tags.map(n=>k(n))}</div>`:""}
            </td>
            <td>${H(t,i.commit)}</td>
            ${r.map(n=>s`<td class="num">${vt(i.metrics?.[n])}</td>`)}
            <td><code>${Ut(i.params)}</code></td>
            <td>
              ${i.version?d.has(i.version)?s`<a href="${a(m.version(e.name,i.version))}">${i.version}</a>`:i.version:"\u2014"}
            </td>
          </tr>`)})}function _e(t){let e=[{path:m.stylesheet,content:we},{path:m.script,content:xe},{path:m.catalog,content:Me(t)},...Tt(t)];for(let r of t.models){e.push({path:m.model(r.name),content:Re(t,r)}),e.push(...Tt(t,r.name));for(let o of r.versions)e.push({path:m.version(r.name,o.version),content:Ce(t,r,o)})}return e}async function Pe(t){let e=t.config??{version:1},r=t.registry??I(e.registry).path,{data:o,notes:a}=await oe({registry:r,config:e,now:t.now??new Date().toISOString(),...t.driftHistory?{driftHistory:t.driftHistory}:{},...t.title?{title:t.title}:{},...t.repositoryUrl?{repositoryUrl:t.repositoryUrl}:{},...t.env?{env:t.env}:{}}),d=ve(t.out,_e(o));return{out:t.out,index:Dr(t.out,m.catalog),pages:d.files,bytes:d.bytes,models:o.models.length,versions:o.models.reduce((i,n)=>i+n.versions.length,0),problems:o.problems,notes:a}}function Te(t,e){let r=Vt(t,e);return r?`${t.env.serverUrl}/${r.fullName}`:void 0}async function Ln({values:t,given:e},r){let{config:o}=ht(t.config,{explicit:e.has("config")}),a=Te(r,t.repository);return Pe({out:t.out,config:o,title:t.title,driftHistory:t.driftHistory,...t.registry!==void 0?{registry:t.registry}:{},...a?{repositoryUrl:a}:{},env:r.processEnv})}async function On({values:t,given:e,positionals:r},o){let[a]=r;if(!a)throw new N("USAGE","pass one model reference, e.g. churn@1.2.0 or churn#production");let{config:d}=ht(t.config,{explicit:e.has("config")}),i=Te(o,t.repository);return fe({ref:a,config:d,...t.registry!==void 0?{registry:t.registry}:{},...t.out!==void 0?{out:t.out}:{},...i?{repositoryUrl:i}:{},env:o.processEnv})}export{G as a,Ln as b,On as c};
