import { describe, expect, it } from 'vitest';
import { loaderMessage } from '../../../src/onnx/load-error.js';

// What onnxruntime-node 1.30 throws for each kind of model it cannot load (copied from its errors).
const RAW = {
  unknownOp:
    'This is an invalid model. In Node, ("Gelu0", Gelu, "", -1) : ("x": tensor(float),) -> ("y": tensor(float),) , Error No Op registered for Gelu with domain_version of 17',
  customOp: 'Fatal error: com.acme:FastGelu(-1) is not a registered function/op',
  futureOpset:
    '/onnxruntime_src/onnxruntime/core/graph/model_load_utils.h:46 void onnxruntime::model_load_utils::ValidateOpsetForDomain(const std::unordered_map<std::__cxx11::basic_string<char>, int>&, const onnxruntime::logging::Logger&, bool, const std::string&, int) ONNX Runtime only *guarantees* support for models stamped with official released onnx opset versions. Opset 99 is under development and support for this is limited. The operator schemas and or other functionality may change before next ONNX release and in this case ONNX Runtime will not guarantee backward compatibility. Current official support for domain ai.onnx is till opset 26.\n',
  futureIr:
    '/onnxruntime_src/onnxruntime/core/graph/model.cc:202 onnxruntime::Model::Model(onnx::ModelProto&&, const onnxruntime::PathString&, const onnxruntime::IOnnxRuntimeOpSchemaRegistryList*, const onnxruntime::logging::Logger&, const onnxruntime::ModelOptions&) Unsupported model IR version: 99, max supported IR version: 13\n',
  other:
    '/onnxruntime_src/onnxruntime/core/graph/graph.cc:1234 void onnxruntime::Graph::Check(int (*)(int), bool) Node (n1) has input size 3 not in range [min=1, max=2]. More text follows here.',
};

describe('loaderMessage', () => {
  it('says what the model uses that onnxruntime lacks, in one sentence', () => {
    expect(loaderMessage(new Error(RAW.unknownOp))).toBe(
      'it uses operator Gelu, which opset 17 of the ai.onnx domain does not have',
    );
    expect(loaderMessage(new Error(RAW.customOp))).toBe(
      'it uses operator FastGelu of domain com.acme, which onnxruntime does not know (a custom operator?)',
    );
    expect(loaderMessage(new Error(RAW.futureOpset))).toBe(
      'it uses opset 99 of the ai.onnx domain; this onnxruntime supports up to opset 26',
    );
    expect(loaderMessage(new Error(RAW.futureIr))).toBe(
      'its IR version 99 is newer than this onnxruntime reads (up to 13)',
    );
  });

  it('otherwise drops the C++ location and signature and keeps the first sentence', () => {
    expect(loaderMessage(new Error(RAW.other))).toBe(
      'Node (n1) has input size 3 not in range [min=1, max=2]',
    );
    expect(loaderMessage('Protobuf parsing failed.')).toBe('Protobuf parsing failed');
    expect(loaderMessage(new Error('x'.repeat(500)))).toHaveLength(240);
  });
});
