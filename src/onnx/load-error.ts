/**
 * onnxruntime's load errors carry the C++ source location and function signature
 * (`/onnxruntime_src/.../model.cc:202 onnxruntime::Model::Model(onnx::ModelProto&&, ...) ...`) and
 * the failing node dumped as a tuple. A user needs one sentence: what the model uses that this
 * onnxruntime does not have.
 */

export const ONNX_LOAD_HINT =
  'Export with a released opset and standard operators (e.g. torch.onnx.export(..., opset_version=17), skl2onnx target_opset=17)';

const MAX_LENGTH = 240;

/** The loader's message cut to one readable sentence. */
export function loaderMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const text = withoutSourceLocation(raw).replace(/\s+/g, ' ').trim();
  let m: RegExpMatchArray | null;
  if (
    (m = text.match(
      /Opset (\d+) is under development.*?support for domain (\S+) is till opset (\d+)/,
    ))
  )
    return `it uses opset ${m[1]} of the ${m[2]} domain; this onnxruntime supports up to opset ${m[3]}`;
  if ((m = text.match(/Unsupported model IR version: (\d+), max supported IR version: (\d+)/)))
    return `its IR version ${m[1]} is newer than this onnxruntime reads (up to ${m[2]})`;
  if ((m = text.match(/No Op registered for (\S+) with domain_version of (\d+)/))) {
    const domain = text.match(/\("[^"]*", [^,]+, "([^"]*)"/)?.[1] || 'ai.onnx';
    return `it uses operator ${m[1]}, which opset ${m[2]} of the ${domain} domain does not have`;
  }
  if ((m = text.match(/(\S+):(\S+?)\(-?\d+\) is not a registered function\/op/)))
    return `it uses operator ${m[2]} of domain ${m[1]}, which onnxruntime does not know (a custom operator?)`;
  const sentence = firstSentence(text.replace(/^This is an invalid model\.\s*/, ''));
  return sentence.length > MAX_LENGTH ? `${sentence.slice(0, MAX_LENGTH - 1)}…` : sentence;
}

/** Drops a leading `file.cc:123 ret ns::fn(args...)` (parentheses balanced) from the message. */
function withoutSourceLocation(message: string): string {
  const loc = message.match(/^\S+\.(?:h|cc|cpp|hpp):\d+ /);
  if (!loc) return message;
  const open = message.indexOf('(', loc[0].length);
  if (open < 0) return message.slice(loc[0].length);
  let depth = 0;
  for (let i = open; i < message.length; i++) {
    if (message[i] === '(') depth++;
    else if (message[i] === ')' && --depth === 0) return message.slice(i + 1).trimStart();
  }
  return message.slice(loc[0].length);
}

function firstSentence(text: string): string {
  const end = text.search(/[.!?](\s|$)/);
  return end >= 0 ? text.slice(0, end) : text;
}
