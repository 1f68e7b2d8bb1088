import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
import{h as c,i as o,j as n}from"./chunk-E24SOUZY.js";function s(e=process.env){return!!(e.ACTIONS_CACHE_URL||e.ACTIONS_RESULTS_URL)&&!!e.ACTIONS_RUNTIME_TOKEN&&c()}function i(e=process.env){if(s(e))return{restore:(r,a)=>o(r,a),save:async(r,a)=>{await n(r,a)}}}export{s as a,i as b};
