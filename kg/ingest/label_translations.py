"""Field labels of forks in other languages, by record field (:mod:`kg.ingest.labels` adds them to its table).

Forks translate the template's labels ("Motiváció", "Результати", "نویسندگان"). Without these a
translated TL;DR and the four AI fields were kept only as unknown extras, so the graph's ``tldr`` was
empty for those forks; authors, categories and the abstract were already told by their content.

Written as forks would write them; :func:`kg.ingest.labels._normalise` folds case, spaces, hyphens
and dots, so "Palabras clave" and "palabras-clave" are one entry. Only unambiguous words: "Note",
"Nota" and "Not" could be a comment or anything else, "Résumé"/"Resumen" the TL;DR or the abstract
(a non-English "abstract" stays an extra anyway, see :func:`kg.ingest.entry.build_record`).
"""
from __future__ import annotations

TRANSLATED_LABELS: dict[str, tuple[str, ...]] = {
    "abstract": (
        "Zusammenfassung", "Kurzfassung", "Résumé", "Resumen", "Riassunto", "Resumo", "Samenvatting",
        "Sammanfattning", "Sammendrag", "Resumé", "Tiivistelmä", "Streszczenie", "Abstrakt", "Kivonat",
        "Özet", "Περίληψη", "Аннотация", "Анотація", "Резюме", "Апстракт", "Sažetak", "Rezumat",
        "תקציר", "چکیده", "ملخص", "الملخص", "Tóm tắt", "Abstrak", "Ringkasan", "सारांश", "บทคัดย่อ",
    ),
    "tldr": (
        "In Kürze", "Kurz gesagt", "En bref", "En resumen", "En pocas palabras", "In breve", "Em resumo",
        "In het kort", "Kort sagt", "Kort fortalt", "Lyhyesti", "W skrócie", "Stručně", "Röviden", "Kısaca",
        "Εν συντομία", "Вкратце", "Коротко", "Накратко", "Ukratko", "Pe scurt", "בקצרה", "به طور خلاصه",
        "باختصار", "Tóm lại", "Singkatnya", "संक्षेप में",
    ),
    "motivation": (
        "Motivación", "Motivazione", "Motivação", "Motivatie", "Motivasjon", "Motivaatio", "Motywacja",
        "Motivace", "Motiváció", "Motivasyon", "Κίνητρο", "Мотивация", "Мотивація", "Мотивацията",
        "Motivacija", "Motivație", "מוטיבציה", "انگیزه", "الدافع", "Động lực", "Motivasi", "प्रेरणा",
    ),
    "method": (
        "Methode", "Methodik", "Méthode", "Méthodologie", "Método", "Metodología", "Metodo", "Metodologia",
        "Metode", "Metod", "Menetelmä", "Metoda", "Módszer", "Yöntem", "Μέθοδος", "Метод", "Методология",
        "Методологія", "Metodă", "שיטה", "روش", "الطريقة", "المنهجية", "Phương pháp", "विधि",
    ),
    "result": (
        "Ergebnis", "Ergebnisse", "Résultat", "Résultats", "Resultado", "Resultados", "Risultato", "Risultati",
        "Resultaat", "Resultaten", "Resultat", "Resultater", "Tulokset", "Wyniki", "Výsledky", "Eredmények",
        "Sonuçlar", "Αποτελέσματα", "Результаты", "Результати", "Rezultati", "Rezultate", "תוצאות", "نتایج",
        "النتائج", "Kết quả", "Hasil", "परिणाम",
    ),
    "conclusion": (
        "Fazit", "Schlussfolgerung", "Schlussfolgerungen", "Conclusión", "Conclusiones", "Conclusione",
        "Conclusioni", "Conclusão", "Conclusões", "Conclusie", "Slutsats", "Slutsatser", "Konklusjon",
        "Konklusion", "Johtopäätös", "Johtopäätökset", "Wnioski", "Wniosek", "Závěr", "Következtetés", "Sonuç",
        "Συμπέρασμα", "Συμπεράσματα", "Вывод", "Выводы", "Заключение", "Висновок", "Висновки", "Zaključak",
        "Concluzie", "Concluzii", "מסקנה", "מסקנות", "نتیجه‌گیری", "نتیجه گیری", "الخلاصة", "الاستنتاج",
        "Kết luận", "Kesimpulan", "निष्कर्ष",
    ),
    "comment": (
        "Kommentar", "Kommentare", "Anmerkung", "Anmerkungen", "Bemerkung", "Commentaire", "Commentaires",
        "Comentario", "Comentarios", "Commento", "Commenti", "Comentário", "Comentários", "Opmerking",
        "Opmerkingen", "Kommentti", "Huomautus", "Uwagi", "Komentarz", "Komentář", "Poznámka", "Megjegyzés",
        "Yorum", "Σχόλιο", "Σχόλια", "Комментарий", "Примечание", "Коментар", "Примітка", "Komentar",
        "Comentariu", "הערה", "הערות", "توضیحات", "یادداشت", "ملاحظات", "تعليق", "Ghi chú", "Catatan", "टिप्पणी",
    ),
    "authors": (
        "Autoren", "Verfasser", "Auteurs", "Auteur", "Autores", "Autor", "Autori", "Författare", "Forfattere",
        "Tekijät", "Kirjoittajat", "Autorzy", "Autoři", "Szerzők", "Yazarlar", "Συγγραφείς", "Авторы", "Автори",
        "Autorii", "מחברים", "نویسندگان", "المؤلفون", "Tác giả", "Penulis", "लेखक",
    ),
    "category": (
        "Kategorie", "Kategorien", "Catégorie", "Catégories", "Categoría", "Categorías", "Categoria",
        "Categorie", "Kategori", "Kategorier", "Kategoria", "Kategoriat", "Kategorije", "Kategória",
        "Kategóriák", "Kategoriler", "Κατηγορία", "Κατηγορίες", "Категория", "Категории", "Категорія",
        "Категорії", "Categorii", "קטגוריה", "קטגוריות", "دسته", "دسته‌ها", "دسته‌بندی", "التصنيف", "الفئة",
        "Danh mục", "श्रेणी",
    ),
    "keywords": (
        "Schlüsselwörter", "Schlagwörter", "Mots-clés", "Palabras clave", "Parole chiave", "Palavras-chave",
        "Trefwoorden", "Nyckelord", "Nøkkelord", "Avainsanat", "Słowa kluczowe", "Klíčová slova", "Kulcsszavak",
        "Anahtar kelimeler", "Λέξεις-κλειδιά", "Ключевые слова", "Ключові слова", "Cuvinte cheie", "מילות מפתח",
        "کلیدواژه‌ها", "کلمات کلیدی", "الكلمات المفتاحية", "Từ khóa", "Kata kunci", "कीवर्ड",
    ),
}

# The title and link labels of digests without paper headings (kg.ingest.labels.BLOCK_LABELS).
TRANSLATED_BLOCK_LABELS: dict[str, tuple[str, ...]] = {
    "title": (
        "Titel", "Titre", "Título", "Titolo", "Otsikko", "Tytuł", "Název", "Cím", "Başlık", "Τίτλος",
        "Название", "Назва", "Titlu", "Naslov", "כותרת", "عنوان", "العنوان", "Tiêu đề", "Judul", "शीर्षक",
    ),
    "link": (
        "Links", "Verweis", "Lien", "Liens", "Enlace", "Enlaces", "Collegamento", "Collegamenti", "Ligação",
        "Länk", "Länkar", "Lenke", "Linkki", "Linkit", "Odnośnik", "Odkaz", "Odkazy", "Linkek", "Hivatkozás",
        "Bağlantı", "Bağlantılar", "Σύνδεσμος", "Σύνδεσμοι", "Ссылка", "Ссылки", "Посилання", "Legătură",
        "Poveznica", "קישור", "קישורים", "پیوند", "پیوندها", "رابط", "الرابط", "Liên kết", "Tautan", "लिंक",
    ),
}
