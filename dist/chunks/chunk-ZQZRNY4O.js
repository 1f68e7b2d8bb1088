import { createRequire as __modelciRequire } from 'node:module'; const require = __modelciRequire(import.meta.url);
var t={name:"github-actions[bot]",email:"41898282+github-actions[bot]@users.noreply.github.com"};export{t as a};
