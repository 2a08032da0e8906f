"""Interface strings in English and Arabic; `t(lang, key, **values)` picks one (English is the fallback)."""

from __future__ import annotations

LANGS = ("en", "ar")

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Iraq–Syria contacts · cited answers from news in Arabic and English",
        "holds": "The library holds {n}{span}{outlets}.",
        "span": ", dated {first} to {last}",
        "outlets": ", from {outlets}",
        "more_outlets": " and {n} more",
        "no_outlet": "outlet not stated",
        "empty_library": "The library is empty: add articles in the Library tab.",
        "tab_chat": "Chat", "tab_library": "Library", "tab_timeline": "Timeline", "tab_evals": "Evaluations",
        "placeholder": "Type a question…",
        "ask": "Ask", "stop": "Stop", "new_chat": "New chat", "theme": "Light / dark",
        "hint": "Ask about contacts between Iraq and Syria in the library's news: visits, calls, meetings, the "
                "border and security files. Arabic or English. Every answer points at the passages it comes from, "
                "or says the sources do not have it.",
        "hint_examples": "For example (a click puts it in the box):",
        "settings": "Settings",
        "model": "Answer model",
        "k": "How many passages to read",
        "lexw": "Matching: meaning (0) ↔ exact words (1)",
        "sources_title": "Sources",
        "sources_empty": "Sources appear here. Click or focus a number like [1] in an answer to see its passage.",
        "sources_for": "Sources for “{q}”",
        "cited": "cited", "not_cited": "retrieved, not cited",
        "closest": "No answer in these passages — the closest ones, not used:",
        "open_article": "Open the whole article", "article": "Article {n}",
        "back_to_answer": "Back to the answer",
        "abstained": "Not in the sources",
        "searched_for": "Searched for: {q}",
        "regenerate": "Regenerate", "edit": "Edit question", "like": "Helpful", "dislike": "Not helpful",
        "thanks": "Thanks — feedback saved.",
        "pending": "Looking in the articles…",
        "stopped": "Stopped. Your question is back in the box.",
        "err_empty": "Type a question first.",
        "err_long": "The question is {n:,} characters; the limit is {limit:,}. Please shorten it.",
        "err_model": "“{model}” is not an available model; switched back to {default}. Ask again.",
        "err_model_failed": "The model failed; showing the extractive answer instead.",
        "err_library_empty": "The library is empty: add articles in the Library tab.",
        "err_other": "Something went wrong answering; please try again.",
        "unsupported": "not supported by this passage",
        "show_passage": "show passage {n}",
        # library
        "lib_search": "Search titles, outlets, dates",
        "lib_pick": "Article",
        "lib_open": "Open", "lib_delete": "Delete…",
        "lib_confirm_delete": "Yes, delete “{title}”", "cancel": "Cancel",
        "lib_ask_delete": "Delete “{title}” from the library? Its passages will no longer be searched.",
        "lib_deleted": "Deleted “{title}”.",
        "lib_pick_first": "Choose an article first.",
        "col_title": "Title", "col_date": "Date", "col_outlet": "Outlet", "col_chunks": "Passages",
        "unknown": "not stated",
        "inferred_tip": "Inferred: the article states no date; {basis}.",
        "inferred_tip_bare": "Inferred from what the article reports; it states no date.",
        "inferred_note": "≈ the article states no date; inferred from what it reports (hover or focus the date for how).",
        "upload": "Add articles (.txt, .md, .html, .jsonl)", "ingest": "Add to the library",
        "drop_files": "Drop files here, or click to choose them",
        "upload_none": "Choose one or more .txt, .md, .html or .jsonl files first.",
        "conflict": "Already in the library: {names}. Replace them?",
        "writer_wait_upload": "Waiting for the library's other writer to finish ({holder}), at most {wait} s; your files are added as soon as it is done.",
        "writer_wait_delete": "Waiting for the library's other writer to finish ({holder}), at most {wait} s; “{title}” is deleted as soon as it is done.",
        "lib_gone": "“{title}” is no longer in the library (deleted elsewhere).",
        "writer_holder": "process {pid}, {what}, since {since}",
        "writer_busy": "The library stayed busy with another writer for {wait} s; nothing was changed. Try again when it has finished.",
        "write_failed": "The library could not be changed; nothing was lost. The server log has the details.",
        "writer_what_ingest": "adding articles", "writer_what_delete": "deleting articles",
        "writer_what_check": "checking the library", "writer_what_other": "another process",
        "replace": "Replace", "keep": "Keep the existing ones",
        "kept": "Kept the existing {names}; nothing replaced.",
        "rejected": "Rejected {names}: {why}",
        "bad_type": "not a .txt, .md, .html or .jsonl file",
        # timeline
        "tl_who": "Person", "tl_kind": "Kind", "tl_since": "From (year, month or day)", "tl_until": "To (year, month or day)",
        "tl_filter": "Show", "tl_all": "all",
        "tl_count": "{n}", "tl_none": "No contacts match these filters.",
        "tl_bad_date": "A period is a year (2025), a month (2025-03 or March 2025) or a day (2025-03-14).",
        "tl_backwards": "The period starts ({since}) after it ends ({until}).",
        # evals
        "ev_runs": "Run", "ev_none": "No evaluation runs yet: start one below.",
        "ev_set": "Question set", "ev_models": "Models", "ev_limit": "Questions (0 = all)",
        "ev_start": "Start a run", "ev_progress": "Run {run}: {done} of {total} answers",
        "ev_done": "Run {run} finished.", "ev_failed": "Run {run} failed: {why}",
        "ev_compare": "Compare with", "ev_metric": "metric",
        "ev_busy": "A run is already in progress.",
        "ev_pick_models": "Choose at least one model.",
        "ev_chart_metrics": "Metrics per model: each metric's value (0 to 1) for each model.",
        "ev_chart_abstention": "Abstention precision against recall as the abstention bar moves; the star is the calibrated bar.",
        "ev_chart_latency": "Latency: how many questions were answered in each time band (milliseconds).",
        "ev_chart_answerability": "Right answers on answerable questions (HasAns) and abstentions on unanswerable ones (NoAns) as the bar on the answerability score moves; 0 is the calibrated bar.",
        "ev_charts_note": "",
        "lang": "Language",
        "kind_visit": "visit", "kind_call": "phone call", "kind_meeting": "meeting", "kind_delegation": "delegation",
        "kind_statement": "statement", "planned": "planned", "undated": "undated",
        "status_planned": "planned", "status_postponed": "postponed", "status_cancelled": "cancelled",
        "status_denied": "denied", "status_rumoured": "unconfirmed report", "status_hypothetical": "only spoken of as possible",
        "status_future": "dated after today", "status_not_held": "not held",
        "tl_article": "article", "tl_article_date": "The contact's own date is not given; its article's date, inferred.",
        "meta_model": "model", "meta_prompt": "prompt", "meta_secs": "{s} s",
        # issue 27
        "notice_unverified": "The model's reply could not be checked against the passages; showing the extractive answer instead.",
        "notice_invalid": "Removed citations to passages that were not given: {nums}.",
        "notice_unsupported": "{n} cited sentence(s) are not supported by the cited passage (marked).",
        "notice_other": "This answer carries a note from the answer check.",
        "article_deleted": "This article has been deleted from the library since this answer; the passage above is what it quoted.",
        "after_date": "after {d}",
        "basis_contact": "it reports a contact dated {d}, so it was written after it",
        "sort_by": "Sort by {col}",
        "tl_left_out": "{n} undated contacts are not shown: a period filter cannot place them (clear the dates to see them).",
        "tl_left_out_one": "1 undated contact is not shown: a period filter cannot place it (clear the dates to see it).",
        "tl_undated_head": "Undated contacts ({n})",
        "tl_undated_why": "Their reports give no date for the contact itself; each shows the date its article is placed at (≈).",
        "history": "Saved conversations", "history_none": "No saved conversations yet.",
        "history_clear": "Delete all saved conversations", "history_turns": "{n} questions",
        "history_current": "this conversation",
        "history_cleared": "Saved conversations deleted.",
        "ingest_done": "Added {added}, updated {updated}, unchanged {unchanged}.",
        "ingest_replaced": "Replaced: {names}.",
        "bad_file": "it could not be read as an article (binary, empty, too large, or in an unknown encoding)",
        "ev_model": "model", "ev_failed_log": "Run {run} failed; the server log has the details.",
    },
    "ar": {
        "title": "اتصالات العراق وسوريا · إجابات موثّقة من أخبار بالعربية والإنجليزية",
        "holds": "تضم المكتبة {n}{span}{outlets}.",
        "span": "، مؤرخة من {first} إلى {last}",
        "outlets": "، من {outlets}",
        "more_outlets": " و{n} غيرها",
        "no_outlet": "مصدر غير مذكور",
        "empty_library": "المكتبة فارغة: أضف مقالات من تبويب المكتبة.",
        "tab_chat": "المحادثة", "tab_library": "المكتبة", "tab_timeline": "الخط الزمني", "tab_evals": "التقييمات",
        "placeholder": "اكتب سؤالك…",
        "ask": "اسأل", "stop": "إيقاف", "new_chat": "محادثة جديدة", "theme": "فاتح / داكن",
        "hint": "اسأل عن الاتصالات بين العراق وسوريا في أخبار المكتبة: الزيارات والاتصالات واللقاءات وملفا الحدود "
                "والأمن، بالعربية أو الإنجليزية. كل إجابة تشير إلى المقاطع التي جاءت منها، أو تقول إن المصادر لا تذكر ذلك.",
        "hint_examples": "مثلاً (النقر يضع السؤال في المربع):",
        "settings": "الإعدادات",
        "model": "نموذج الإجابة",
        "k": "عدد المقاطع التي تُقرأ",
        "lexw": "المطابقة: بالمعنى (0) ↔ بالكلمات نفسها (1)",
        "sources_title": "المصادر",
        "sources_empty": "تظهر المصادر هنا. انقر على رقم مثل [1] في الإجابة لرؤية مقطعه.",
        "sources_for": "مصادر «\u2068{q}\u2069»",
        "cited": "مستشهد به", "not_cited": "مسترجع وغير مستشهد به",
        "closest": "لا إجابة في هذه المقاطع — الأقرب منها، ولم تُستخدم:",
        "open_article": "افتح المقال كاملاً", "article": "مقال {n}",
        "back_to_answer": "عُد إلى الإجابة",
        "abstained": "لا إجابة في المصادر",
        "searched_for": "بُحث عن: {q}",
        "regenerate": "أعد الإجابة", "edit": "عدّل السؤال", "like": "مفيدة", "dislike": "غير مفيدة",
        "thanks": "شكراً — حُفظ تقييمك.",
        "pending": "جارٍ البحث في المقالات…",
        "stopped": "توقف. سؤالك عاد إلى المربع.",
        "err_empty": "اكتب سؤالاً أولاً.",
        "err_long": "طول السؤال {n:,} حرفاً والحد {limit:,}. يرجى اختصاره.",
        "err_model": "«{model}» ليس نموذجاً متاحاً؛ أُعيد الاختيار إلى {default}. اسأل مرة أخرى.",
        "err_model_failed": "فشل النموذج؛ تُعرض الإجابة الاستخراجية بدلاً منه.",
        "err_library_empty": "المكتبة فارغة: أضف مقالات من تبويب المكتبة.",
        "err_other": "حدث خطأ أثناء الإجابة؛ حاول مرة أخرى.",
        "unsupported": "هذا المقطع لا يدعم الجملة",
        "show_passage": "اعرض المقطع {n}",
        "lib_search": "ابحث في العناوين والمصادر والتواريخ",
        "lib_pick": "المقال",
        "lib_open": "افتح", "lib_delete": "احذف…",
        "lib_confirm_delete": "نعم، احذف «\u2068{title}\u2069»", "cancel": "إلغاء",
        "lib_ask_delete": "هل تحذف «\u2068{title}\u2069» من المكتبة؟ لن يُبحث في مقاطعه بعد ذلك.",
        "lib_deleted": "حُذف «\u2068{title}\u2069».",
        "lib_pick_first": "اختر مقالاً أولاً.",
        "col_title": "العنوان", "col_date": "التاريخ", "col_outlet": "المصدر", "col_chunks": "المقاطع",
        "unknown": "غير مذكور",
        "inferred_tip": "تاريخ مستنتج: لا يذكر المقال تاريخه؛ {basis}.",
        "inferred_tip_bare": "تاريخ مستنتج مما يرويه المقال؛ فهو لا يذكر تاريخه.",
        "inferred_note": "≈ لا يذكر المقال تاريخه؛ استُنتج مما يرويه (مرّر المؤشر على التاريخ أو انتقل إليه لمعرفة الطريقة).",
        "upload": "أضف مقالات (‎.txt ‎.md ‎.html ‎.jsonl)", "ingest": "أضف إلى المكتبة",
        "drop_files": "أفلت الملفات هنا، أو انقر لاختيارها",
        "upload_none": "اختر ملفاً واحداً أو أكثر من نوع ‎.txt أو ‎.md أو ‎.html أو ‎.jsonl أولاً.",
        "conflict": "موجود في المكتبة: {names}. هل تستبدله؟",
        "writer_wait_upload": "بانتظار أن تنتهي عملية أخرى تكتب في المكتبة ({holder})، {wait} ثانية على الأكثر؛ تُضاف ملفاتك حين تنتهي.",
        "writer_wait_delete": "بانتظار أن تنتهي عملية أخرى تكتب في المكتبة ({holder})، {wait} ثانية على الأكثر؛ يُحذف «\u2068{title}\u2069» حين تنتهي.",
        "lib_gone": "لم يعد «\u2068{title}\u2069» في المكتبة (حُذف من مكان آخر).",
        "writer_holder": "العملية {pid}، {what}، منذ الساعة {since} بالتوقيت العالمي",
        "writer_busy": "بقيت المكتبة مشغولة بعملية كتابة أخرى {wait} ثانية؛ لم يتغير شيء. حاول مرة أخرى حين تنتهي.",
        "write_failed": "تعذّر تغيير المكتبة؛ لم يضع شيء. التفاصيل في سجل الخادم.",
        "writer_what_ingest": "إضافة مقالات", "writer_what_delete": "حذف مقالات", "writer_what_check": "فحص المكتبة",
        "writer_what_other": "كتابة في المكتبة",
        "replace": "استبدل", "keep": "أبقِ الموجود",
        "kept": "أُبقي {names} كما هو؛ لم يُستبدل شيء.",
        "rejected": "رُفض {names}: {why}",
        "bad_type": "ليس ملف ‎.txt أو ‎.md أو ‎.html أو ‎.jsonl",
        "tl_who": "الشخص", "tl_kind": "النوع", "tl_since": "من (سنة أو شهر أو يوم)", "tl_until": "إلى (سنة أو شهر أو يوم)",
        "tl_filter": "اعرض", "tl_all": "الكل",
        "tl_count": "{n}", "tl_none": "لا اتصالات تطابق هذه الشروط.",
        "tl_bad_date": "الفترة سنة (2025) أو شهر (2025-03 أو آذار 2025) أو يوم (2025-03-14).",
        "tl_backwards": "تبدأ الفترة ({since}) بعد نهايتها ({until}).",
        "ev_runs": "التشغيل", "ev_none": "لا تقييمات بعد: ابدأ واحداً أدناه.",
        "ev_set": "مجموعة الأسئلة", "ev_models": "النماذج", "ev_limit": "عدد الأسئلة (0 = الكل)",
        "ev_start": "ابدأ تقييماً", "ev_progress": "التشغيل {run}: {done} من {total} إجابة",
        "ev_done": "انتهى التشغيل {run}.", "ev_failed": "فشل التشغيل {run}: {why}",
        "ev_compare": "قارن مع", "ev_metric": "المقياس",
        "ev_busy": "هناك تقييم قيد التشغيل.",
        "ev_pick_models": "اختر نموذجاً واحداً على الأقل.",
        "ev_chart_metrics": "المقاييس لكل نموذج: قيمة كل مقياس (من 0 إلى 1) لكل نموذج.",
        "ev_chart_abstention": "دقة الامتناع مقابل استدعائه كلما تحركت عتبة الامتناع؛ النجمة هي العتبة المعايرة.",
        "ev_chart_latency": "زمن الإجابة: عدد الأسئلة التي أُجيب عنها في كل مدى زمني (بالملي ثانية).",
        "ev_chart_answerability": "الإجابات الصحيحة عن الأسئلة التي لها إجابة، والامتناع عن الأسئلة التي لا إجابة لها، كلما تحركت عتبة درجة قابلية الإجابة؛ الصفر هو العتبة المعايرة.",
        "ev_charts_note": "تُرسم هذه الرسوم البيانية بتسميات إنجليزية؛ يشرح التعليق تحت كل رسم ما يعرضه، والأرقام نفسها في الجدول أعلاه بالعربية.",
        "lang": "اللغة",
        "kind_visit": "زيارة", "kind_call": "اتصال هاتفي", "kind_meeting": "لقاء", "kind_delegation": "وفد",
        "kind_statement": "تصريح", "planned": "مرتقبة", "undated": "غير مؤرخ",
        "status_planned": "مرتقبة", "status_postponed": "مؤجلة", "status_cancelled": "ملغاة",
        "status_denied": "منفية", "status_rumoured": "أنباء غير مؤكدة", "status_hypothetical": "مطروحة احتمالاً فقط",
        "status_future": "مؤرخة بعد اليوم", "status_not_held": "لم تُعقد",
        "tl_article": "المقال", "tl_article_date": "لا يُذكر تاريخ الاتصال نفسه؛ هذا تاريخ مقاله المستنتج.",
        "meta_model": "النموذج", "meta_prompt": "التعليمة", "meta_secs": "{s} ث",
        "notice_unverified": "تعذّر التحقق من رد النموذج بالمقاطع؛ تُعرض الإجابة الاستخراجية بدلاً منه.",
        "notice_invalid": "حُذفت إحالات إلى مقاطع لم تُعطَ: {nums}.",
        "notice_unsupported": "عدد الجمل المستشهد بها التي لا يدعمها مقطعها: {n} (معلَّمة).",
        "notice_other": "على هذه الإجابة ملاحظة من فحص الإجابة.",
        "article_deleted": "حُذف هذا المقال من المكتبة بعد هذه الإجابة؛ المقطع أعلاه هو ما اقتبسته.",
        "after_date": "بعد {d}",
        "basis_contact": "يروي اتصالاً بتاريخ {d}، فقد كُتب بعده",
        "sort_by": "رتّب حسب {col}",
        "tl_left_out": "عدد الاتصالات غير المؤرخة التي لا تظهر: {n}؛ لا يمكن لتصفية الفترة أن تضعها (امسح التاريخين لرؤيتها).",
        # the count after a noun phrase reads right for any number, 1 too
        "tl_left_out_one": "عدد الاتصالات غير المؤرخة التي لا تظهر: {n}؛ لا يمكن لتصفية الفترة أن تضعها (امسح التاريخين لرؤيتها).",
        "tl_undated_head": "اتصالات غير مؤرخة ({n})",
        "tl_undated_why": "لا تذكر تقاريرها تاريخ الاتصال نفسه؛ يظهر مع كل منها التاريخ الذي وُضع عنده مقاله (≈).",
        "history": "المحادثات المحفوظة", "history_none": "لا محادثات محفوظة بعد.",
        "history_clear": "احذف كل المحادثات المحفوظة", "history_turns": "عدد الأسئلة: {n}",
        "history_current": "هذه المحادثة",
        "history_cleared": "حُذفت المحادثات المحفوظة.",
        "ingest_done": "أُضيف {added}، وحُدّث {updated}، وبقي دون تغيير {unchanged}.",
        "ingest_replaced": "استُبدل: {names}.",
        "bad_file": "تعذّرت قراءته مقالاً (ملف ثنائي أو فارغ أو كبير جداً أو بترميز غير معروف)",
        "ev_model": "النموذج", "ev_failed_log": "فشل التشغيل {run}؛ التفاصيل في سجل الخادم.",
    },
}


# Gradio's own labels (aria-label, title) and words, which follow the browser's language rather than the page's:
# the page's script puts these in their place in the Arabic interface (a number in a label is kept)
GRADIO_AR = {
    "Reset to default value": "أعد القيمة الافتراضية",
    "Download All": "نزّل الكل",
    "Download": "نزّل",
    "Thumbnail # of #": "الصورة المصغرة # من #",
    "Clear": "امسح",
    "Remove": "أزل",
    "Close": "أغلق",
}


# metric names of `rag eval` summaries (evals/metrics.py) and the language and split codes of its columns
METRICS_AR = {
    "questions": "الأسئلة", "errors": "الأخطاء", "recall@1": "الاسترجاع عند 1", "recall@5": "الاسترجاع عند 5",
    "recall@10": "الاسترجاع عند 10", "mrr@10": "متوسط الرتبة العكسية عند 10", "answer_correct": "الإجابات الصحيحة",
    "answered_rate": "نسبة ما أُجيب عنه", "citation_precision": "دقة الإحالات", "citation_supported": "الإحالات المدعومة",
    "HasAns": "الصحيحة بين ما له إجابة", "NoAns": "الامتناع بين ما لا إجابة له", "false_abstention": "الامتناع الخاطئ",
    "gold_cited": "إجابات تستشهد بمقال مرجعي", "has_ans_questions": "أسئلة لها إجابة", "no_ans_questions": "أسئلة بلا إجابة",
    "abstention_precision": "دقة الامتناع", "abstention_recall": "استدعاء الامتناع", "judge_faithfulness": "الأمانة (بحكم نموذج)",
    "latency_p50_ms": "زمن الإجابة الوسيط (م.ث)", "latency_p95_ms": "زمن الإجابة المئين 95 (م.ث)",
    "en": "الإنجليزية", "ar": "العربية", "dev": "التطوير", "test": "الاختبار",
}


# The app's own answerers (not a model server's names, which are shown as they are), in the interface's language
BUILTIN_MODELS = {
    "extractive": {"en": "extractive", "ar": "الاستخراجي"},
    "timeline": {"en": "timeline", "ar": "الخط الزمني"},
}


def model_label(lang: str | None, name: str) -> str:
    return BUILTIN_MODELS.get(name, {}).get(pick(lang), name)


# The empty chat's example questions, in the interface's language (each answered by the seeds: a test asks them).
HINT_QUESTIONS = {
    "en": ["When did Shaibani visit Baghdad?", "Through which city were the Syrian soldiers returned?",
           "Who is the spokesman of the Iraqi government?"],
    "ar": ["متى اتصل الشرع بالسوداني؟", "عبر أي مدينة أعيد الجنود السوريون؟", "من هو المتحدث باسم الحكومة العراقية؟"],
}


# A number with its noun in the interface's language: English singular and plural; Arabic has one, two, three to
# ten (plural), eleven to ninety-nine (singular, accusative) and hundreds (singular): "مقال واحد", "مقالان",
# "5 مقالات", "64 مقالاً", "100 مقال".
COUNTED = {
    "articles": {"en": ("article", "articles"), "ar": ("مقال واحد", "مقالان", "مقالات", "مقالاً", "مقال")},
    "contacts": {"en": ("contact", "contacts"), "ar": ("اتصال واحد", "اتصالان", "اتصالات", "اتصالاً", "اتصال")},
}


def counted(lang: str | None, n: int, noun: str) -> str:
    forms = COUNTED[noun][pick(lang)]
    if pick(lang) == "en":
        return f"{n} {forms[0] if n == 1 else forms[1]}"
    one, two, few, many, hundred = forms
    if n in (1, 2):
        return one if n == 1 else two
    r = n % 100
    return f"{n} {few if 3 <= r <= 10 else many if r >= 11 else hundred}"


def pick(lang: str | None) -> str:
    """A supported interface language from a browser language tag ("ar-IQ" → "ar"); English otherwise."""
    tag = (lang or "").strip().lower()[:2]
    return tag if tag in LANGS else "en"


def from_accept_language(header: str | None) -> str:
    """The interface language a browser asks for in its Accept-Language header ("ar-IQ,ar;q=0.9,en;q=0.8" →
    "ar"): of the languages it names, the supported one it prefers most (highest q, then first named); English
    when it names none ("*" and q=0 name none)."""
    wanted = []
    for i, item in enumerate((header or "").split(",")):
        tag, _, params = item.strip().partition(";")
        q = 1.0
        for p in params.split(";"):
            name, _, value = p.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGS and q > 0:
            wanted.append((-q, i, primary))
    return min(wanted)[2] if wanted else "en"


def t(lang: str | None, key: str, **values) -> str:
    table = STRINGS[pick(lang)]
    text = table.get(key, STRINGS["en"][key])
    return text.format(**values) if values else text


def direction(lang: str | None) -> str:
    return "rtl" if pick(lang) == "ar" else "ltr"
