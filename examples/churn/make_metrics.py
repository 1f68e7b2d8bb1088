"""Writes the example's base and head metrics and its metric history.

Base: logistic regression on the ten `mean_*` features (what `main` ships). Head: the pull request,
all thirty features, standardised, C=2 (more precise, less sensitive). History: earlier commits of `main`, one setting each.
Same split for all (stratified 25% test, seed 0). Run: python3 make_metrics.py
"""
import json
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (accuracy_score, brier_score_loss, f1_score, log_loss,
                             precision_score, recall_score, roc_auc_score)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

here = Path(__file__).parent
df = pd.read_csv(here / "data" / "breast_cancer.csv")
y = df.pop("malignant").to_numpy()
train_x, test_x, train_y, test_y = train_test_split(df, y, test_size=0.25, stratify=y, random_state=0)


def evaluate(columns, c):
    model = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=5000))
    model.fit(train_x[columns], train_y)
    p = model.predict_proba(test_x[columns])[:, 1]
    pred = (p >= 0.5).astype(int)
    r = lambda v: round(float(v), 6)
    return {
        "test": {
            "accuracy": r(accuracy_score(test_y, pred)),
            "precision": r(precision_score(test_y, pred)),
            "recall": r(recall_score(test_y, pred)),
            "f1": r(f1_score(test_y, pred)),
            "roc_auc": r(roc_auc_score(test_y, p)),
            "log_loss": r(log_loss(test_y, p)),
            "brier": r(brier_score_loss(test_y, p)),
        },
        "data": {"train_rows": int(len(train_y)), "test_rows": int(len(test_y))},
        "model": {"features": len(columns), "C": c, "solver": "lbfgs"},
    }


mean_cols = [c for c in df.columns if c.startswith("mean_")]
all_cols = list(df.columns)
(here / "metrics").mkdir(exist_ok=True)
(here / "metrics" / "base.json").write_text(json.dumps(evaluate(mean_cols, 1.0), indent=2) + "\n")
(here / "metrics" / "head.json").write_text(json.dumps(evaluate(all_cols, 2.0), indent=2) + "\n")

history = []
for commit, cols, c in [
    ("3f9c2e1a7b4d", mean_cols[:4], 1.0),
    ("8a41d07c5e92", mean_cols[:6], 1.0),
    ("c2b7e4419f03", mean_cols[:8], 1.0),
    ("e51f9a3d2c68", mean_cols, 1.0),
]:
    history.append({"commit": commit, "metrics": evaluate(cols, c)})
(here / "metrics" / "history.json").write_text(json.dumps(history, indent=2) + "\n")
