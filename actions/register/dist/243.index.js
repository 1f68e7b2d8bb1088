export const id = 243;
export const ids = [243];
export const modules = {

/***/ 4330:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  readOnnxSignature: () => (/* binding */ readOnnxSignature)
});

// UNUSED EXPORTS: parseOnnxModelInfo, readOnnxModelInfo, typeName

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./node_modules/protobufjs/index.js
var protobufjs = __webpack_require__(1853);
var protobufjs_default = /*#__PURE__*/__webpack_require__.n(protobufjs);
;// CONCATENATED MODULE: ./src/onnx/proto.ts

/**
 * The subset of onnx.proto (https://github.com/onnx/onnx/blob/main/onnx/onnx.proto) that modelci
 * reads and writes, as a protobufjs JSON descriptor: field numbers and types exactly as upstream.
 * Fields left out (training_info, sparse_initializer details, ...) are skipped by the decoder.
 */
const packed = { options: { packed: true } };
const onnxDescriptor = {
    nested: {
        onnx: {
            nested: {
                AttributeProto: {
                    fields: {
                        name: { type: 'string', id: 1 },
                        refAttrName: { type: 'string', id: 21 },
                        docString: { type: 'string', id: 13 },
                        type: { type: 'int32', id: 20 },
                        f: { type: 'float', id: 2 },
                        i: { type: 'int64', id: 3 },
                        s: { type: 'bytes', id: 4 },
                        t: { type: 'TensorProto', id: 5 },
                        g: { type: 'GraphProto', id: 6 },
                        sparseTensor: { type: 'SparseTensorProto', id: 22 },
                        tp: { type: 'TypeProto', id: 14 },
                        floats: { rule: 'repeated', type: 'float', id: 7 },
                        ints: { rule: 'repeated', type: 'int64', id: 8 },
                        strings: { rule: 'repeated', type: 'bytes', id: 9 },
                        tensors: { rule: 'repeated', type: 'TensorProto', id: 10 },
                        graphs: { rule: 'repeated', type: 'GraphProto', id: 11 },
                        sparseTensors: { rule: 'repeated', type: 'SparseTensorProto', id: 23 },
                        typeProtos: { rule: 'repeated', type: 'TypeProto', id: 15 },
                    },
                },
                ValueInfoProto: {
                    fields: {
                        name: { type: 'string', id: 1 },
                        type: { type: 'TypeProto', id: 2 },
                        docString: { type: 'string', id: 3 },
                    },
                },
                NodeProto: {
                    fields: {
                        input: { rule: 'repeated', type: 'string', id: 1 },
                        output: { rule: 'repeated', type: 'string', id: 2 },
                        name: { type: 'string', id: 3 },
                        opType: { type: 'string', id: 4 },
                        domain: { type: 'string', id: 7 },
                        overload: { type: 'string', id: 8 },
                        attribute: { rule: 'repeated', type: 'AttributeProto', id: 5 },
                        docString: { type: 'string', id: 6 },
                    },
                },
                ModelProto: {
                    fields: {
                        irVersion: { type: 'int64', id: 1 },
                        opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
                        producerName: { type: 'string', id: 2 },
                        producerVersion: { type: 'string', id: 3 },
                        domain: { type: 'string', id: 4 },
                        modelVersion: { type: 'int64', id: 5 },
                        docString: { type: 'string', id: 6 },
                        graph: { type: 'GraphProto', id: 7 },
                        metadataProps: { rule: 'repeated', type: 'StringStringEntryProto', id: 14 },
                        functions: { rule: 'repeated', type: 'FunctionProto', id: 25 },
                    },
                },
                StringStringEntryProto: {
                    fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } },
                },
                TensorAnnotation: {
                    fields: {
                        tensorName: { type: 'string', id: 1 },
                        quantParameterTensorNames: { rule: 'repeated', type: 'StringStringEntryProto', id: 2 },
                    },
                },
                GraphProto: {
                    fields: {
                        node: { rule: 'repeated', type: 'NodeProto', id: 1 },
                        name: { type: 'string', id: 2 },
                        initializer: { rule: 'repeated', type: 'TensorProto', id: 5 },
                        sparseInitializer: { rule: 'repeated', type: 'SparseTensorProto', id: 15 },
                        docString: { type: 'string', id: 10 },
                        input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
                        output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
                        valueInfo: { rule: 'repeated', type: 'ValueInfoProto', id: 13 },
                        quantizationAnnotation: { rule: 'repeated', type: 'TensorAnnotation', id: 14 },
                    },
                },
                TensorProto: {
                    fields: {
                        dims: { rule: 'repeated', type: 'int64', id: 1, ...packed },
                        dataType: { type: 'int32', id: 2 },
                        floatData: { rule: 'repeated', type: 'float', id: 4, ...packed },
                        int32Data: { rule: 'repeated', type: 'int32', id: 5, ...packed },
                        stringData: { rule: 'repeated', type: 'bytes', id: 6 },
                        int64Data: { rule: 'repeated', type: 'int64', id: 7, ...packed },
                        name: { type: 'string', id: 8 },
                        docString: { type: 'string', id: 12 },
                        rawData: { type: 'bytes', id: 9 },
                        externalData: { rule: 'repeated', type: 'StringStringEntryProto', id: 13 },
                        dataLocation: { type: 'int32', id: 14 },
                        doubleData: { rule: 'repeated', type: 'double', id: 10, ...packed },
                        uint64Data: { rule: 'repeated', type: 'uint64', id: 11, ...packed },
                    },
                },
                SparseTensorProto: {
                    fields: {
                        values: { type: 'TensorProto', id: 1 },
                        indices: { type: 'TensorProto', id: 2 },
                        dims: { rule: 'repeated', type: 'int64', id: 3, ...packed },
                    },
                },
                TensorShapeProto: {
                    fields: { dim: { rule: 'repeated', type: 'Dimension', id: 1 } },
                    nested: {
                        Dimension: {
                            oneofs: { value: { oneof: ['dimValue', 'dimParam'] } },
                            fields: {
                                dimValue: { type: 'int64', id: 1 },
                                dimParam: { type: 'string', id: 2 },
                                denotation: { type: 'string', id: 3 },
                            },
                        },
                    },
                },
                TypeProto: {
                    oneofs: {
                        value: {
                            oneof: ['tensorType', 'sequenceType', 'mapType', 'optionalType', 'sparseTensorType'],
                        },
                    },
                    fields: {
                        tensorType: { type: 'Tensor', id: 1 },
                        sequenceType: { type: 'Sequence', id: 4 },
                        mapType: { type: 'Map', id: 5 },
                        optionalType: { type: 'Optional', id: 9 },
                        sparseTensorType: { type: 'SparseTensor', id: 8 },
                        denotation: { type: 'string', id: 6 },
                    },
                    nested: {
                        Tensor: {
                            fields: {
                                elemType: { type: 'int32', id: 1 },
                                shape: { type: 'TensorShapeProto', id: 2 },
                            },
                        },
                        Sequence: { fields: { elemType: { type: 'TypeProto', id: 1 } } },
                        Map: {
                            fields: {
                                keyType: { type: 'int32', id: 1 },
                                valueType: { type: 'TypeProto', id: 2 },
                            },
                        },
                        Optional: { fields: { elemType: { type: 'TypeProto', id: 1 } } },
                        SparseTensor: {
                            fields: {
                                elemType: { type: 'int32', id: 1 },
                                shape: { type: 'TensorShapeProto', id: 2 },
                            },
                        },
                    },
                },
                OperatorSetIdProto: {
                    fields: { domain: { type: 'string', id: 1 }, version: { type: 'int64', id: 2 } },
                },
                FunctionProto: {
                    fields: {
                        name: { type: 'string', id: 1 },
                        input: { rule: 'repeated', type: 'string', id: 4 },
                        output: { rule: 'repeated', type: 'string', id: 5 },
                        attribute: { rule: 'repeated', type: 'string', id: 6 },
                        attributeProto: { rule: 'repeated', type: 'AttributeProto', id: 11 },
                        node: { rule: 'repeated', type: 'NodeProto', id: 7 },
                        docString: { type: 'string', id: 8 },
                        opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 9 },
                        domain: { type: 'string', id: 10 },
                        overload: { type: 'string', id: 13 },
                    },
                },
                // Signature-only view of a model: the graph's initializers keep only their names, so the
                // decoder skips weight payloads (a 500 MB model reads in milliseconds).
                SignatureModelProto: {
                    fields: {
                        irVersion: { type: 'int64', id: 1 },
                        opsetImport: { rule: 'repeated', type: 'OperatorSetIdProto', id: 8 },
                        producerName: { type: 'string', id: 2 },
                        producerVersion: { type: 'string', id: 3 },
                        domain: { type: 'string', id: 4 },
                        modelVersion: { type: 'int64', id: 5 },
                        docString: { type: 'string', id: 6 },
                        graph: { type: 'SignatureGraphProto', id: 7 },
                        metadataProps: { rule: 'repeated', type: 'StringStringEntryProto', id: 14 },
                    },
                },
                SignatureGraphProto: {
                    fields: {
                        name: { type: 'string', id: 2 },
                        initializer: { rule: 'repeated', type: 'NamedTensor', id: 5 },
                        input: { rule: 'repeated', type: 'ValueInfoProto', id: 11 },
                        output: { rule: 'repeated', type: 'ValueInfoProto', id: 12 },
                        node: { rule: 'repeated', type: 'NodeHead', id: 1 },
                    },
                },
                NamedTensor: { fields: { name: { type: 'string', id: 8 } } },
                NodeHead: {
                    fields: {
                        input: { rule: 'repeated', type: 'string', id: 1 },
                        output: { rule: 'repeated', type: 'string', id: 2 },
                        opType: { type: 'string', id: 4 },
                        domain: { type: 'string', id: 7 },
                    },
                },
            },
        },
    },
};
const root = protobufjs_default().Root.fromJSON(onnxDescriptor);
const ModelProtoType = root.lookupType('onnx.ModelProto');
const SignatureModelProtoType = root.lookupType('onnx.SignatureModelProto');
/** TensorProto.DataType numbers -> the names onnxruntime uses for tensor types. */
const ELEMENT_TYPES = {
    0: 'undefined',
    1: 'float',
    2: 'uint8',
    3: 'int8',
    4: 'uint16',
    5: 'int16',
    6: 'int32',
    7: 'int64',
    8: 'string',
    9: 'bool',
    10: 'float16',
    11: 'double',
    12: 'uint32',
    13: 'uint64',
    14: 'complex64',
    15: 'complex128',
    16: 'bfloat16',
    17: 'float8e4m3fn',
    18: 'float8e4m3fnuz',
    19: 'float8e5m2',
    20: 'float8e5m2fnuz',
    21: 'uint4',
    22: 'int4',
    23: 'float4e2m1',
};
const DataType = {
    FLOAT: 1,
    INT32: 6,
    INT64: 7,
    STRING: 8,
    BOOL: 9,
    DOUBLE: 11,
};
const AttributeType = {
    FLOAT: 1,
    INT: 2,
    STRING: 3,
    TENSOR: 4,
    GRAPH: 5,
    FLOATS: 6,
    INTS: 7,
    STRINGS: 8,
};
const TO_OBJECT = { longs: Number, enums: Number, defaults: false, arrays: true };

;// CONCATENATED MODULE: ./src/onnx/signature.ts



/** The inputs and outputs of an ONNX model file (the registry's version record uses this). */
function readOnnxSignature(file) {
    return readOnnxModelInfo(file).signature;
}
function readOnnxModelInfo(file) {
    let bytes;
    try {
        bytes = (0,external_node_fs_.readFileSync)(file);
    }
    catch (e) {
        throw new errors/* ModelciError */.wN('FILE', `cannot read model file: ${e.message}`, {
            file,
            hint: 'Check the path',
        });
    }
    return parseOnnxModelInfo(bytes, file);
}
function parseOnnxModelInfo(bytes, file = '<model>') {
    const notOnnx = (why) => new errors/* ModelciError */.wN('MODEL', `not an ONNX model (${why})`, {
        file,
        hint: 'Export the model to ONNX (e.g. skl2onnx, torch.onnx.export) and pass the .onnx file',
    });
    if (bytes.length === 0)
        throw notOnnx('the file is empty');
    let model;
    try {
        model = SignatureModelProtoType.toObject(SignatureModelProtoType.decode(bytes), TO_OBJECT);
    }
    catch (e) {
        throw notOnnx(`protobuf decoding failed: ${e.message}`);
    }
    const graph = model.graph;
    if (!model.irVersion || !graph)
        throw notOnnx('no ir_version or graph');
    if (!graph.output?.length)
        throw notOnnx('the graph has no outputs');
    // Before IR 4, initializers were also listed as graph inputs: they are weights, not data.
    const initializers = new Set((graph.initializer ?? []).map((t) => t.name));
    const inputs = (graph.input ?? []).filter((v) => !initializers.has(v.name));
    const opsets = {};
    for (const o of model.opsetImport ?? [])
        opsets[o.domain ?? ''] = o.version ?? 0;
    const metadata = {};
    for (const p of model.metadataProps ?? [])
        if (p.key)
            metadata[p.key] = p.value ?? '';
    const operators = [
        ...new Set((graph.node ?? []).map((n) => n.domain ? `${n.domain}:${n.opType ?? ''}` : (n.opType ?? ''))),
    ];
    return {
        signature: {
            inputs: inputs.map((v) => tensorSpec(v, file)),
            outputs: graph.output.map((v) => tensorSpec(v, file)),
        },
        irVersion: model.irVersion,
        opsets,
        producer: { name: model.producerName ?? '', version: model.producerVersion ?? '' },
        metadata,
        operators: operators.sort(),
    };
}
function tensorSpec(v, file) {
    if (!v.name)
        throw new errors/* ModelciError */.wN('MODEL', 'a graph input or output has no name', {
            file,
            hint: 'Re-export the model; ONNX requires named inputs and outputs',
        });
    const t = v.type;
    const dims = t?.tensorType?.shape?.dim ?? t?.sparseTensorType?.shape?.dim;
    const shape = dims?.map((d) => d.dimValue !== undefined ? d.dimValue : d.dimParam !== undefined ? d.dimParam : null) ?? [];
    return { name: v.name, type: typeName(t), shape };
}
/** `float`, `int64`... for tensors; `sequence<map<int64,float>>` for what ZipMap returns. */
function typeName(t) {
    if (!t)
        return 'unknown';
    if (t.tensorType)
        return ELEMENT_TYPES[t.tensorType.elemType ?? 0] ?? 'unknown';
    if (t.sparseTensorType)
        return `sparse<${ELEMENT_TYPES[t.sparseTensorType.elemType ?? 0] ?? 'unknown'}>`;
    if (t.sequenceType)
        return `sequence<${typeName(t.sequenceType.elemType)}>`;
    if (t.mapType)
        return `map<${ELEMENT_TYPES[t.mapType.keyType ?? 0] ?? 'unknown'},${typeName(t.mapType.valueType)}>`;
    if (t.optionalType)
        return `optional<${typeName(t.optionalType.elemType)}>`;
    return 'unknown';
}


/***/ })

};
