"""The peer of `npm run bench -- serve`: the FastAPI + scikit-learn model server that MLOps courses
teach (a pydantic request model, the estimator in memory, uvicorn with one worker), answering the
same Open Inference Protocol request with the same model as modelci serve.

Usage: python3 fastapi_serve.py <model.onnx> <port>
The weights are read from the ONNX file's initializers W0, B0, W1, B1, ... (inputs x outputs): one
layer is a multinomial logistic regression, more are an MLP with ReLU hidden layers and a softmax
output, as scikit-learn computes them.
"""

import sys
from typing import List, Optional

import numpy as np
import onnx
from onnx import numpy_helper
import uvicorn
from fastapi import FastAPI
from pydantic import BaseModel
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier

init = {t.name: numpy_helper.to_array(t) for t in onnx.load(sys.argv[1]).graph.initializer}
layers = range(len([k for k in init if k.startswith("W")]))
weights = [init[f"W{i}"].astype(np.float64) for i in layers]
biases = [init[f"B{i}"].astype(np.float64) for i in layers]
classes = weights[-1].shape[1]
if len(layers) == 1:
    model = LogisticRegression()
    model.coef_ = weights[0].T.copy()
    model.intercept_ = biases[0]
else:
    # A fitted MLPClassifier's state, set from the same weights as the ONNX model.
    model = MLPClassifier(hidden_layer_sizes=[w.shape[1] for w in weights[:-1]], activation="relu")
    model.coefs_ = weights
    model.intercepts_ = biases
    model.n_layers_ = len(layers) + 1
    model.n_outputs_ = classes
    model.out_activation_ = "softmax"
    model.n_features_in_ = weights[0].shape[0]
model.classes_ = np.arange(classes)

app = FastAPI()


class Tensor(BaseModel):
    name: str
    shape: List[int]
    datatype: str
    data: list


class InferRequest(BaseModel):
    id: Optional[str] = None
    inputs: List[Tensor]


@app.post("/v2/models/clf/infer")
def infer(request: InferRequest):
    x = np.asarray(request.inputs[0].data, dtype=np.float32).reshape(request.inputs[0].shape)
    probabilities = model.predict_proba(x)
    labels = probabilities.argmax(axis=1)
    return {
        "model_name": "clf",
        "outputs": [
            {"name": "probabilities", "datatype": "FP32", "shape": list(probabilities.shape),
             "data": probabilities.ravel().tolist()},
            {"name": "label", "datatype": "INT64", "shape": [len(labels)], "data": labels.tolist()},
        ],
    }


@app.get("/v2/health/ready")
def ready():
    return {"ready": True}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False)
