import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{a as f,d as A,e as M}from"./chunk-A2VH3TKQ.js";import{a as _}from"./chunk-LZSLVR24.js";import{a as R}from"./chunk-BZUVTXWO.js";import{c as T,h as P,i as N}from"./chunk-2WGDTXVD.js";import{a as w}from"./chunk-HZHE4LXN.js";import{b as I,c as D}from"./chunk-P5USFPHL.js";import{k as C}from"./chunk-QQ46GCBT.js";import{a as m}from"./chunk-LELQE3LJ.js";import{chmodSync as he,copyFileSync as Ee,mkdirSync as W,mkdtempSync as Re,readdirSync as $e,renameSync as ve,rmSync as Se,statSync as Oe,writeFileSync as z}from"node:fs";import{basename as xe,dirname as Q,join as g,resolve as ye}from"node:path";var $="node:24-bookworm-slim@sha256:6f7b03f7c2c8e2e784dcf9295400527b9b1270fd37b7e9a7285cf83b6951452d";var re={modelci:"/opt/modelci",model:"/opt/model",healthcheck:"/opt/modelci-healthcheck.mjs"};function U(e){let o=[["org.opencontainers.image.title",`${e.model} model server`],["org.opencontainers.image.description",e.description??`${e.model} ${e.version} served over the Open Inference Protocol (KServe v2)`],["org.opencontainers.image.version",e.version],["org.opencontainers.image.created",e.created]];return e.commit&&o.push(["org.opencontainers.image.revision",e.commit]),e.sourceUrl&&o.push(["org.opencontainers.image.source",e.sourceUrl]),o.push(["io.modelci.model.name",e.model],["io.modelci.model.version",e.version],["io.modelci.model.sha256",e.sha256]),e.commit&&o.push(["io.modelci.model.commit",e.commit]),o.push(["io.modelci.version",e.modelciVersion]),o.map(([r,n])=>[r,n.replace(/\s*[\r\n\t]+\s*/g," ").trim()])}function L(e){return`"${e.replace(/[\\"$]/g,o=>`\\${o}`)}"`}function V(e){let o=re,r=`${o.modelci}/node_modules/onnxruntime-node`,n=e.labels.map(([c,t])=>`      ${c}=${L(t)}`).join(` \\
`);return`# ${e.model} ${e.version} served by \`modelci serve\`; written by \`modelci package\` (see README.md).
# Another Node.js (>= 20) image on Debian can replace the base: --build-arg BASE=<image>.
ARG BASE=${$}

FROM \${BASE} AS build
WORKDIR /build
COPY model/ model/
# Checked again here: an artifact changed after \`modelci package\` fails the build.
RUN cd model && sha256sum --check --strict SHA256SUMS
COPY ${e.modelciTarball} ./
COPY onnxruntime/ onnxruntime/
# Only node and tar: no package manager, no network. The CPU library of this image's
# architecture is kept, and loaded once so a base without its C++ runtime fails here.
RUN mkdir -p ${o.modelci} \\
 && tar -xzf ${e.modelciTarball} -C ${o.modelci} --strip-components=1 --no-same-owner \\
 && mv onnxruntime/node_modules ${o.modelci}/node_modules \\
 && arch="$(node -p process.arch)" \\
 && for d in ${r}/bin/napi-v*/linux/*; do [ "\${d##*/}" = "$arch" ] || rm -rf "$d"; done \\
 && node -e "require('${r}')"

FROM \${BASE}
ARG BASE
LABEL org.opencontainers.image.base.name="\${BASE}" \\
${n}
RUN useradd --uid 10001 --user-group --no-create-home \\
      --home-dir /nonexistent --shell /usr/sbin/nologin modelci
COPY --from=build ${o.modelci} ${o.modelci}
COPY --from=build /build/model ${o.model}
COPY healthcheck.mjs ${o.healthcheck}
# Every \`modelci serve\` option is an environment variable (MODELCI_SERVE_<OPTION>) or an argument.
ENV NODE_ENV=production \\
    MODELCI_SERVE_ARTIFACT=${L(`${e.model}=${o.model}/${e.artifactFile}`)} \\
    MODELCI_SERVE_HOST=0.0.0.0 \\
    MODELCI_SERVE_PORT=8080
USER 10001:10001
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \\
  CMD ["node", "${o.healthcheck}"]
ENTRYPOINT ["node", "${o.modelci}/bin/modelci.js", "serve"]
`}var j=`# Only what the Dockerfile copies goes to the builder.
*
!model/
!onnxruntime/
!modelci-*.tgz
!healthcheck.mjs
`,H=`// The image's HEALTHCHECK: exit 0 when modelci serve answers 200 on /v2/health/ready.
const port = process.env.MODELCI_SERVE_PORT || '8080';
const res = await fetch(\`http://127.0.0.1:\${port}/v2/health/ready\`, {
  signal: AbortSignal.timeout(4000),
}).catch(() => undefined);
process.exit(res?.status === 200 ? 0 : 1);
`;function F(e,o){return`${e}  ${o}
`}function ne(e){return e.replace(/\|/g,"\\|").replace(/\n/g," ")}function G(e){let o=`${e.model}:${e.version}`,r=e.serveOptions.map(n=>`| \`--${n.flag}\` | \`${n.env}\` | ${ne(n.description)} |`);return`# ${e.model} ${e.version}: container build context

Written by \`modelci package\` (modelci ${e.modelciVersion}). The image serves the model with
\`modelci serve\` over the Open Inference Protocol (KServe v2 REST) on port ${8080}, as user
${10001} (not root).

| file | what it is |
| --- | --- |
| \`Dockerfile\` | multi-stage build; \`ARG BASE\` defaults to \`${$}\` |
| \`model/${e.artifactFile}\` | the artifact, sha256 \`${e.sha256}\` (checked again by the build) |
| \`modelci-${e.modelciVersion}.tgz\` | the modelci npm package |
| \`onnxruntime/\` | onnxruntime-node ${e.onnxruntimeVersion}, CPU library for linux ${e.arches.join(", ")} (no GPU libraries) |
| \`healthcheck.mjs\` | the image's \`HEALTHCHECK\`: GET /v2/health/ready |

The build needs no network: everything it installs is here.

## Build

\`\`\`sh
docker build -t ${o} .
# or, without a daemon (HEALTHCHECK needs the docker format):
buildah bud --format docker -t ${o} .
# another Node.js (>= 20) image on Debian:
docker build --build-arg BASE=node:22-bookworm-slim -t ${o} .
\`\`\`

## Run

\`\`\`sh
docker run --rm -p ${8080}:${8080} ${o}
curl -s localhost:${8080}/v2/health/ready
curl -s localhost:${8080}/v2/models/${e.model}
\`\`\`

Arguments after the image name are \`modelci serve\` options (\`docker run ${o} --threads 2\`);
each option is an environment variable too (\`-e MODELCI_SERVE_THREADS=2\`). The health check asks
\`127.0.0.1:$MODELCI_SERVE_PORT\`: change the port through the variable, not \`--port\`. The image
sets \`MODELCI_SERVE_ARTIFACT\`, \`MODELCI_SERVE_HOST=0.0.0.0\` and \`MODELCI_SERVE_PORT=${8080}\`.

| option | environment | what it does |
| --- | --- | --- |
${r.join(`
`)}
`}import{cpSync as B,existsSync as S,readdirSync as ie,readFileSync as se}from"node:fs";import{createRequire as E}from"node:module";import{homedir as ce}from"node:os";import{dirname as v,join as p,sep as ae}from"node:path";var me=["x64","arm64"],K=/cuda|tensorrt|directml|dml/i;function X(e,o){for(let r=v(e);r!==v(r);r=v(r)){let n=p(r,"package.json");if(S(n)&&JSON.parse(se(n,"utf8")).name===o)return r}throw new m("MODEL",`cannot find the folder of ${o} above ${e}`)}async function J(e,o){let r=t=>{let i=X(t.resolve("onnxruntime-node"),"onnxruntime-node"),s=E(p(i,"package.json"));return{dir:i,common:X(s.resolve("onnxruntime-common"),"onnxruntime-common")}};if(e.MODELCI_ONNXRUNTIME_DIR)return r(E(p(e.MODELCI_ONNXRUNTIME_DIR,"package.json")));try{return r(E(import.meta.url))}catch(t){if(t.code!=="MODULE_NOT_FOUND")throw t}let n=A(e,process.platform,ce());if(!n)throw new m("MODEL","cannot find onnxruntime-node to put into the image",{hint:`Install it next to modelci (npm install --ignore-scripts onnxruntime-node@${f}), or set MODELCI_ONNXRUNTIME_DIR`});let c=await M({toolCache:n,log:o});return r(E(p(c.dir,"package.json")))}function Y(e,o){let r=p(e.dir,"bin"),n=S(r)?ie(r).filter(i=>i.startsWith("napi-v")):[],c=me.filter(i=>n.some(s=>S(p(r,s,"linux",i,"onnxruntime_binding.node"))));if(!c.length)throw new m("MODEL",`onnxruntime-node in ${e.dir} has no Linux CPU library (bin/napi-v*/linux/x64 or arm64)`,{hint:`Install the full package next to modelci (npm install --ignore-scripts onnxruntime-node@${f}), or point MODELCI_ONNXRUNTIME_DIR at a folder that has it`});let t=p(o,"node_modules","onnxruntime-node");return B(e.dir,t,{recursive:!0,filter:i=>{let s=i.slice(e.dir.length+1).split(ae);return s[0]==="script"||s[0]==="node_modules"?!1:s[0]!=="bin"||s.length<3?!K.test(s.at(-1)??""):s[2]!=="linux"||s.length>=4&&!c.includes(s[3])?!1:!K.test(s.at(-1)??"")}}),B(e.common,p(o,"node_modules","onnxruntime-common"),{recursive:!0,filter:i=>!i.slice(e.common.length+1).startsWith("node_modules")}),c}import{execFile as le}from"node:child_process";import{existsSync as de,readFileSync as pe}from"node:fs";import{dirname as O,join as ge}from"node:path";import{fileURLToPath as ue}from"node:url";function fe(e=ue(import.meta.url)){for(let o=O(e);o!==O(o);o=O(o)){let r=ge(o,"package.json");if(de(r)&&JSON.parse(pe(r,"utf8")).name==="modelci")return o}throw new m("USAGE",`cannot find the modelci package above ${e}`)}function q(e,o){let r=fe(),n=["pack",r,"--json","--ignore-scripts","--pack-destination",e];return new Promise((c,t)=>{le("npm",n,{cwd:e,env:{...o,npm_config_update_notifier:"false"},maxBuffer:64*1024*1024,shell:process.platform==="win32"},(i,s,l)=>{if(i)return t(new m("USAGE",`npm pack of modelci (${r}) failed: ${(l||i.message).trim().split(`
`).slice(-2).join(" ")}`,{hint:"modelci package needs npm (it comes with Node.js)"}));let[d]=JSON.parse(s);c(d.filename)})})}function be(e){let o;try{if(!Oe(e).isDirectory())throw new m("FILE","the output folder is a file",{file:e,hint:"Give a new or empty folder"});o=$e(e)}catch(r){if(r.code==="ENOENT")return;throw r}if(o.length)throw new m("FILE",`the output folder is not empty (${o.length} ${o.length===1?"entry":"entries"}, e.g. ${o.slice(0,3).join(", ")})`,{file:e,hint:"Give a new or empty folder; the context is written whole, never merged"})}function ke(){return Object.entries(_.options).flatMap(([e,o])=>o.env?[{flag:e,env:o.env,description:o.description}]:[])}async function Z(e){let o=ye(e.out);be(o);let r=N(e.registryDir,e.registryOptions),{model:n,ref:c}=P(e.ref),t=r.resolve(n,c),i=`${t.model}@${t.version}`,s=await r.readArtifact(t),l=t.artifact.sha256,d=`${n}.${t.artifact.format||"onnx"}`;e.log(`packaging ${i} (sha256 ${l.slice(0,12)}\u2026)`),W(Q(o),{recursive:!0});let a=Re(g(Q(o),`.${xe(o)}.partial-`));try{he(a,493),W(g(a,"model")),Ee(s,g(a,"model",d)),await T(g(a,"model",d),l,i),z(g(a,"model","SHA256SUMS"),F(l,d));let h=await q(a,e.env),x=Y(await J(e.env,e.log),g(a,"onnxruntime")),y=r.getModel(n)?.description,b=U({model:n,version:t.version,sha256:l,...t.lineage.commit?{commit:t.lineage.commit}:{},created:t.created_at,...y?{description:y}:{},...e.sourceUrl?{sourceUrl:e.sourceUrl}:{},modelciVersion:R}),k={Dockerfile:V({model:n,version:t.version,sha256:l,artifactFile:d,modelciTarball:h,labels:b}),".dockerignore":j,"healthcheck.mjs":H,"README.md":G({model:n,version:t.version,sha256:l,artifactFile:d,modelciVersion:R,onnxruntimeVersion:f,arches:x,serveOptions:ke()})};for(let[ee,oe]of Object.entries(k))z(g(a,ee),oe);return ve(a,o),{model:n,version:t.version,sha256:l,context:o,dockerfile:g(o,"Dockerfile"),files:[...Object.keys(k),`model/${d}`,"model/SHA256SUMS",h,"onnxruntime/"].sort(),arches:x,labels:b}}catch(h){throw Se(a,{recursive:!0,force:!0}),h}}async function so({values:e,given:o},r){let n=C(e.config,{explicit:o.has("config")}),c=w(n.config.registry),t=I(r,e.repository),i=t?await D(r):void 0;return Z({ref:e.model,registryDir:e.registry??c.path,registryOptions:{store:c.store,...i&&t?{github:{client:i,repository:t.fullName}}:{}},out:e.out,...t?{sourceUrl:`${r.env.serverUrl}/${t.fullName}`}:{},env:r.processEnv,log:r.log})}export{so as a};
