"""Agreement figures of a `findings export --format json` dataset, computed
with independent implementations: NLTK's AnnotationTask (Krippendorff's
alpha, Scott's pi) and statsmodels (Cohen's kappa, Fleiss' kappa).

Reads the export on standard input and writes JSON on standard output. The
units are rebuilt here from the exported offsets: every Unicode code point
of an article is a unit, and each code a binary variable (covered by a span
with the code, or not). Articles are the documents sharing a `text_sha256`,
each annotator's copy named by its `annotator` field. A figure is None
where every unit has the one value (nobody used the code): NLTK would
return 1 there, statsmodels nan.
"""
import json
import sys
from itertools import combinations

import numpy as np
from nltk.metrics.agreement import AnnotationTask
from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa

ALL = "(all)"


def load(stream):
    articles = {}
    for document in json.load(stream)["documents"]:
        article = articles.setdefault(document["text_sha256"], {"length": document["text_length"]["code_points"], "copies": {}})
        article["copies"][document["fields"]["annotator"]] = document["findings"]
    return {sha: article for sha, article in articles.items() if len(article["copies"]) >= 2}


def covered(findings, code, length):
    bits = np.zeros(length, dtype=np.int64)
    for finding in findings:
        if code in finding["codes"]:
            bits[finding["start"]:finding["end"]] = 1
    return bits


def ratings(articles, shas, annotators, codes):
    """For each code (and ALL): each annotator's 0/1 vector over the units of the articles, concatenated."""
    result = {}
    for code in codes:
        result[code] = {a: np.concatenate([covered(articles[sha]["copies"][a], code, articles[sha]["length"]) for sha in shas]) for a in annotators}
    result[ALL] = {a: np.concatenate([result[code][a] for code in codes]) for a in annotators}
    return result


def single_value(vectors):
    values = np.concatenate(list(vectors.values()))
    return values.min() == values.max()


def task(vectors):
    return AnnotationTask(data=[(a, i, int(v)) for a, vector in vectors.items() for i, v in enumerate(vector)])


def cohen(first, second):
    table = np.zeros((2, 2))
    np.add.at(table, (first, second), 1)
    return float(cohens_kappa(table, return_results=False))


def fleiss(vectors):
    covered_by = sum(vectors.values())
    table = np.stack([len(vectors) - covered_by, covered_by], axis=1)
    return float(fleiss_kappa(table, method="fleiss"))


def figures(articles, shas, annotators, codes):
    data = ratings(articles, shas, annotators, codes)
    group = {}
    pairs = {}
    for code, vectors in data.items():
        undefined = single_value(vectors)
        group[code] = {"fleiss": None if undefined else fleiss(vectors), "alpha": None if undefined else task(vectors).alpha()}
    for first, second in combinations(annotators, 2):
        pair = {}
        for code, vectors in data.items():
            two = {first: vectors[first], second: vectors[second]}
            if single_value(two):
                pair[code] = {"cohen": None, "pi": None, "alpha": None}
                continue
            both = task(two)
            pair[code] = {"cohen": cohen(two[first], two[second]), "pi": both.pi(), "alpha": both.alpha()}
        pairs[f"{first}|{second}"] = pair
    return {"group": group, "pairs": pairs}


def main():
    articles = load(sys.stdin)
    annotators = sorted({a for article in articles.values() for a in article["copies"]})
    for sha, article in articles.items():
        if sorted(article["copies"]) != annotators:
            sys.exit(f"{sha}: every annotator must have a copy of every article for Fleiss' kappa")
    codes = sorted({c for article in articles.values() for findings in article["copies"].values() for f in findings for c in f["codes"]})
    result = {
        "annotators": annotators,
        "codes": codes,
        "corpus": figures(articles, sorted(articles), annotators, codes),
        "articles": {sha: figures(articles, [sha], annotators, codes) for sha in sorted(articles)},
    }
    json.dump(result, sys.stdout, indent=1)


main()
