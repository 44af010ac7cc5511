"""Learning the claim model from hand-annotated articles, and checking it by cross-validation.

`examples()` labels every claim candidate of the gold articles with the gold claim it
stands for (or none); `fit()` trains the three decisions of `frontwatch.claims.model` with
scikit-learn's logistic regression, reproducibly; `cross_validate()` trains on K-1 folds of
articles and scores the held fold, for every fold. scikit-learn is needed here only: the
trained model is a JSON file of weights that the extractor applies by itself.
"""

from frontwatch.learn.examples import Example, examples, label_candidates
from frontwatch.learn.fit import TrainingConfig, fit, train
from frontwatch.learn.folds import CrossValidation, cross_validate, folds

__all__ = ["CrossValidation", "Example", "TrainingConfig", "cross_validate", "examples", "fit", "folds",
           "label_candidates", "train"]
