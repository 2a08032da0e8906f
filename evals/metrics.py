"""Evaluation metrics: pure functions over per-question result rows."""

from __future__ import annotations

import math

from rag import language, normalize


def dedupe(seq: list[str]) -> list[str]:
    return list(dict.fromkeys(seq))


def recall_at(retrieved: list[str], gold: list[str], k: int) -> float:
    """1 if any gold source is among the first k distinct retrieved sources."""
    return float(bool(set(dedupe(retrieved)[:k]) & set(gold)))


def reciprocal_rank(retrieved: list[str], gold: list[str], k: int = 10) -> float:
    for i, s in enumerate(dedupe(retrieved)[:k], 1):
        if s in gold:
            return 1.0 / i
    return 0.0


def is_correct(answer: str, groups: list[list[str]]) -> bool:
    """Every fact group has at least one alternative in the answer (after Arabic normalisation)."""
    if not groups:
        return False
    text = normalize(answer)
    return all(any(normalize(alt).strip() and normalize(alt) in text for alt in g) for g in groups)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    v = sorted(values)
    idx = max(0, min(len(v) - 1, math.ceil(p / 100 * len(v)) - 1))
    return v[idx]


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else float("nan")


def summarize(rows: list[dict]) -> dict:
    """All metrics for one model's rows."""
    ok = [r for r in rows if not r.get("error")]
    ans = [r for r in ok if r["answerable"]]
    unans = [r for r in ok if not r["answerable"]]
    out = {"questions": len(rows), "errors": len(rows) - len(ok)}
    if ans and all(r.get("retrieved") is not None for r in ans):
        for k in (1, 5, 10):
            out[f"recall@{k}"] = _mean([recall_at(r["retrieved"], r["sources"], k) for r in ans])
        out["mrr@10"] = _mean([reciprocal_rank(r["retrieved"], r["sources"]) for r in ans])
    if any("answer" in r for r in ok):
        out["answer_correct"] = _mean([float(bool(r.get("correct"))) for r in ans])
        answered = [r for r in ans if not r.get("abstained")]
        out["answered_rate"] = len(answered) / len(ans) if ans else float("nan")
        cites = [(s, r["sources"]) for r in ok if not r.get("abstained") for s in r.get("citations", [])]
        out["citation_precision"] = _mean([float(s in gold) for s, gold in cites])
        sent = sum(r.get("cited_sentences", 0) for r in ok)
        out["citation_supported"] = 1 - sum(r.get("unsupported", 0) for r in ok) / sent if sent else float("nan")
        # SQuAD 2.0's split: HasAns = right answers on the answerable questions, NoAns = abstentions on the
        # unanswerable ones; a false abstention is an answerable question abstained on.
        out["HasAns"] = out["answer_correct"]
        out["NoAns"] = _mean([float(bool(r.get("abstained"))) for r in unans]) if unans else float("nan")
        out["false_abstention"] = 1 - out["answered_rate"] if ans else float("nan")
        out["has_ans_questions"], out["no_ans_questions"] = len(ans), len(unans)
        # Issue 25's "a gold article cited": answerable questions whose answer cites one of their gold articles.
        out["gold_cited"] = _mean([float(not r.get("abstained") and bool(set(r.get("citations", [])) & set(r["sources"])))
                                   for r in ans])
        abst = [r for r in ok if r.get("abstained")]
        out["abstention_precision"] = _mean([float(not r["answerable"]) for r in abst]) if abst else float("nan")
        out["abstention_recall"] = _mean([float(bool(r.get("abstained"))) for r in unans]) if unans else float("nan")
        judged = [r["faithfulness"] for r in ok if r.get("faithfulness") is not None]
        if judged:
            out["judge_faithfulness"] = _mean(judged)
        lat = [r["latency_ms"] for r in ok if r.get("latency_ms") is not None]
        out["latency_p50_ms"] = percentile(lat, 50)
        out["latency_p95_ms"] = percentile(lat, 95)
    return out


def by_language(rows: list[dict]) -> dict[str, list[dict]]:
    """The rows grouped by the language of their question ("ar", "en"), in that order."""
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(language(r["question"]), []).append(r)
    return dict(sorted(out.items(), key=lambda kv: (kv[0] != "ar", kv[0])))


def answer_score(row: dict) -> float | None:
    """The answerability score a row answered or abstained on, as the abstention bar sees it
    (rag/answer/answerability.py; >= 0 answers at the calibrated bar): an abstention for another reason (a
    rule: a name never mentioned, no date in the evidence, a false premise …) counts as -inf, since no bar
    would have answered it. None when the answerer gave no score."""
    from rag.answer.answerability import BAR_REASON

    score = row.get("score")
    if score is None:
        return None
    if row.get("abstained"):
        reason = row.get("abstain_reason")
        by_rule = not reason.startswith(BAR_REASON) if reason is not None else score >= 0
        if by_rule:
            return float("-inf")
    return float(score)


def abstention_curve(rows: list[dict], steps: int = 41) -> list[dict]:
    """Precision and recall of abstention ("this question is unanswerable") as the bar moves, SQuAD 2.0
    style: at each shift t of the bar a question is answered when its score >= t. Also the share of
    answerable questions answered correctly at that bar (HasAns) and of unanswerable ones abstained (NoAns)."""
    scored = [(answer_score(r), r) for r in rows if not r.get("error") and "answer" in r]
    scored = [(s, r) for s, r in scored if s is not None]
    if not scored or all(r["answerable"] for _, r in scored) or not any(r["answerable"] for _, r in scored):
        return []
    finite = sorted(s for s, _ in scored if s != float("-inf"))
    lo, hi = (finite[0], finite[-1]) if finite else (0.0, 0.0)
    # Bars at evenly spaced quantiles of the scores (the answerability score's tails are long, so an even
    # spacing of values would leave most questions between two bars), plus the calibrated bar itself (0).
    bars = {finite[round(i * (len(finite) - 1) / (steps - 1))] for i in range(steps)} if finite and steps > 1 else {0.0}
    if lo <= 0.0 <= hi:
        bars.add(0.0)
    out = []
    for t in sorted(bars):
        abst = [r for s, r in scored if s < t]
        unans = [r for _, r in scored if not r["answerable"]]
        ans = [r for _, r in scored if r["answerable"]]
        out.append({"shift": round(t, 4),
                    "precision": sum(not r["answerable"] for r in abst) / len(abst) if abst else 1.0,
                    "recall": sum(1 for s, r in scored if s < t and not r["answerable"]) / len(unans),
                    "HasAns": sum(1 for s, r in scored if s >= t and r["answerable"] and r.get("correct")) / len(ans),
                    "NoAns": sum(1 for s, r in scored if s < t and not r["answerable"]) / len(unans)})
    return out
