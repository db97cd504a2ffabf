<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AlternativesChooser</name>
    <message>
        <location filename="../reader/ui/edits/alternatives.py" line="+63"/>
        <source>&amp;Alternative Translations…</source>
        <translation>&amp;Andere Übersetzungen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Other translations of this sentence by the same model</source>
        <translation>Andere Übersetzungen dieses Satzes durch dasselbe Modell</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No alternatives</source>
        <translation>Keine anderen Übersetzungen</translation>
    </message>
</context>
<context>
    <name>BilingualView</name>
    <message>
        <location filename="../reader/ui/view/bilingual_view.py" line="+80"/>
        <source>German original and English translation</source>
        <translation>Deutsches Original und englische Übersetzung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two columns, one row per paragraph: the left column is the German original, the right column its English translation, sentence by sentence. Use J and K or Alt+Down and Alt+Up to move between sentences, Enter to copy the German and English of the current sentence.</source>
        <translation>Zwei Spalten, eine Zeile je Absatz: links das deutsche Original, rechts die englische Übersetzung, Satz für Satz. Mit J und K oder Alt+Pfeil ab und Alt+Pfeil auf wechseln Sie zwischen den Sätzen, mit der Eingabetaste kopieren Sie den deutschen und den englischen Text des aktuellen Satzes.</translation>
    </message>
</context>
<context>
    <name>ChaptersMenu</name>
    <message>
        <location filename="../reader/ui/window/chapters_menu.py" line="+45"/>
        <source>This document has no chapters</source>
        <translation>Dieses Dokument hat keine Kapitel</translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <location filename="../reader/ui/checks/display.py" line="+43"/>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{german}: not in the English (expected {expected})</source>
        <translation>{german}: fehlt im Englischen (erwartet: {expected})</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{german} → {english} (expected {expected})</source>
        <translation>{german} → {english} (erwartet: {expected})</translation>
    </message>
</context>
<context>
    <name>ChecksDisplay</name>
    <message>
        <location line="+26"/>
        <location line="+10"/>
        <source>Translation checks</source>
        <translation>Prüfung der Übersetzung</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Numbers, dates and names the English may have lost</source>
        <translation>Zahlen, Daten und Namen, die im Englischen verloren gegangen sein könnten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Check Translation</source>
        <translation>Übersetzung &amp;prüfen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Flag numbers, currencies, dates and names the English lost or changed</source>
        <translation>Zahlen, Währungen, Daten und Namen markieren, die das Englische verloren oder verändert hat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next Fin&amp;ding</source>
        <translation>Nächster &amp;Befund</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Previous Findin&amp;g</source>
        <translation>Vorheriger B&amp;efund</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Least Confident &amp;Sentence</source>
        <translation>Unsicherster &amp;Satz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sentences the model was least sure of, least confident first</source>
        <translation>Die Sätze, bei denen das Modell am unsichersten war, der unsicherste zuerst</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Checks Pane&amp;l</source>
        <translation>Prüfungs&amp;leiste</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Glossary…</source>
        <translation>&amp;Glossar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>German terms and the English each must become</source>
        <translation>Deutsche Begriffe und das Englisch, das jeder werden muss</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Model confidence {percent} %: among the sentences the model was least sure of in this document. Worth a second look.</source>
        <translation>Sicherheit des Modells {percent} %: einer der Sätze, bei denen das Modell in diesem Dokument am unsichersten war. Ein zweiter Blick lohnt sich.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your own English (Edit › Restore Machine Translation undoes it)</source>
        <translation>Ihr eigenes Englisch (Bearbeiten › Maschinelle Übersetzung wiederherstellen macht es rückgängig)</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>⚑ %n check(s)</source>
        <translation>
            <numerusform>⚑ %n Befund</numerusform>
            <numerusform>⚑ %n Befunde</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sentence {number}</source>
        <translation>Satz {number}</translation>
    </message>
</context>
<context>
    <name>ClipboardDocument</name>
    <message>
        <location filename="../reader/ui/window/clipboard_document.py" line="+28"/>
        <source>New from &amp;Clipboard</source>
        <translation>Neu aus der &amp;Zwischenablage</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The clipboard holds too much text to show ({count} characters).</source>
        <translation>Die Zwischenablage enthält zu viel Text zum Anzeigen ({count} Zeichen).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The clipboard holds no text to show.</source>
        <translation>Die Zwischenablage enthält keinen Text zum Anzeigen.</translation>
    </message>
</context>
<context>
    <name>ColumnHeaders</name>
    <message>
        <location filename="../reader/ui/window/column_headers.py" line="+15"/>
        <source>German — original</source>
        <translation>Deutsch — Original</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>English — translation</source>
        <translation>Englisch — Übersetzung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>English — no translation model installed</source>
        <translation>Englisch — kein Übersetzungsmodell installiert</translation>
    </message>
</context>
<context>
    <name>DocumentMenus</name>
    <message>
        <location filename="../reader/ui/window/document_menus.py" line="+36"/>
        <source>&amp;Chapters</source>
        <translation>&amp;Kapitel</translation>
    </message>
</context>
<context>
    <name>EditsController</name>
    <message>
        <location filename="../reader/ui/edits/controller.py" line="+53"/>
        <source>&amp;Edit Translation…</source>
        <translation>Übersetzung &amp;bearbeiten …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write your own English for the current sentence</source>
        <translation>Eigenes Englisch für den aktuellen Satz schreiben</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore Machine Translation</source>
        <translation>&amp;Maschinelle Übersetzung wiederherstellen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the model&apos;s English of the sentence again</source>
        <translation>Das Englisch des Modells für den Satz wieder zeigen</translation>
    </message>
</context>
<context>
    <name>EntityDisplay</name>
    <message>
        <location filename="../reader/ui/entities/display.py" line="+61"/>
        <source>Names &amp;Panel</source>
        <translation>Namens&amp;liste</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the names in the document</source>
        <translation>Die Namen im Dokument auflisten</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Mention {number} of {total} — {name}</source>
        <translation>Erwähnung {number} von {total} — {name}</translation>
    </message>
</context>
<context>
    <name>EntityLegend</name>
    <message>
        <location filename="../reader/ui/entities/legend.py" line="+68"/>
        <source>Names legend</source>
        <translation>Legende der Namen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Highlight {label} names</source>
        <translation>Namen der Art „{label}“ hervorheben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show or hide the highlighting of {label} names</source>
        <translation>Hervorhebung der Namen der Art „{label}“ ein- oder ausblenden</translation>
    </message>
</context>
<context>
    <name>EntityNames</name>
    <message>
        <location filename="../reader/ui/entities/positions.py" line="+22"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>Ort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
</context>
<context>
    <name>EntityPanel</name>
    <message>
        <location filename="../reader/ui/entities/panel.py" line="+123"/>
        <source>Names</source>
        <translation>Namen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Names panel</source>
        <translation>Namensliste</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+1"/>
        <source>Filter names</source>
        <translation>Namen filtern</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Names found, by type</source>
        <translation>Gefundene Namen, nach Art</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Press Enter on a name to go to its next mention in the text.</source>
        <translation>Drücken Sie die Eingabetaste auf einem Namen, um zu seiner nächsten Erwähnung im Text zu springen.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{label} ({count})</source>
        <translation>{label} ({count})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{name} ({count})</source>
        <translation>{name} ({count})</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Finding names…</source>
        <translation>Namen werden gesucht …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Names are not highlighted (View › Highlight Names).</source>
        <translation>Namen werden nicht hervorgehoben (Ansicht › Namen hervorheben).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No names found</source>
        <translation>Keine Namen gefunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No names match “{text}”</source>
        <translation>Keine Namen passen zu „{text}“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a document to see the names in it.</source>
        <translation>Öffnen Sie ein Dokument, um die Namen darin zu sehen.</translation>
    </message>
</context>
<context>
    <name>EntityTooltips</name>
    <message>
        <location filename="../reader/ui/entities/tooltips.py" line="+25"/>
        <source>not found in the English</source>
        <translation>im Englischen nicht gefunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not translated yet</source>
        <translation>noch nicht übersetzt</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../reader/ui/dialogs/export_actions.py" line="+41"/>
        <source>Web page, side by side</source>
        <translation>Webseite, nebeneinander</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF, side by side</source>
        <translation>PDF, nebeneinander</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sentence pairs, tab-separated</source>
        <translation>Satzpaare, durch Tabulatoren getrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translation memory (TMX)</source>
        <translation>Translation Memory (TMX)</translation>
    </message>
    <message>
        <location filename="../reader/ui/dialogs/export.py" line="+91"/>
        <source>Open a document first.</source>
        <translation>Öffnen Sie zuerst ein Dokument.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export as</source>
        <translation>Exportieren als</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Exporting to {name}…</source>
        <translation>Export nach {name} …</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Exported to {path}</source>
        <translation>Exportiert nach {path}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Could not write “{name}”: {reason}</source>
        <translation>„{name}“ konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <location filename="../reader/ui/dialogs/export_actions.py" line="+1"/>
        <source>Bilingual e-book (EPUB)</source>
        <translation>Zweisprachiges E-Book (EPUB)</translation>
    </message>
</context>
<context>
    <name>FileChangeNotice</name>
    <message>
        <location filename="../reader/ui/window/file_notice.py" line="+36"/>
        <source>“{name}” changed on disk. Reload it?</source>
        <translation>„{name}“ wurde auf dem Datenträger geändert. Neu laden?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{name}” was deleted or moved. The text stays open here.</source>
        <translation>„{name}“ wurde gelöscht oder verschoben. Der Text bleibt hier geöffnet.</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../reader/ui/view/find_bar.py" line="+62"/>
        <source>Find in German or English</source>
        <translation>Im Deutschen oder Englischen suchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find text</source>
        <translation>Suchtext</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Find:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous match (Shift+F3)</source>
        <translation>Vorheriger Treffer (Umschalt+F3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next match (F3)</source>
        <translation>Nächster Treffer (F3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find result</source>
        <translation>Suchergebnis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close the find bar (Esc)</source>
        <translation>Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n Treffer</numerusform>
            <numerusform>%n Treffer</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{current} of {total}</source>
        <translation>{current} von {total}</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <location filename="../reader/ui/dialogs/glossary.py" line="+39"/>
        <location line="+118"/>
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>German term</source>
        <translation>Deutscher Begriff</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>English term</source>
        <translation>Englischer Begriff</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Glossary terms</source>
        <translation>Begriffe des Glossars</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The check flags each sentence whose German uses a term and whose English does not use the English you chose.</source>
        <translation>Die Prüfung markiert jeden Satz, dessen Deutsch einen Begriff verwendet und dessen Englisch nicht das gewählte Englisch verwendet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import…</source>
        <translation>&amp;Importieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Import glossary</source>
        <translation>Glossar importieren</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Export glossary</source>
        <translation>Glossar exportieren</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{path}, line {line}</source>
        <translation>{path}, Zeile {line}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{where}: {reason}</source>
        <translation>{where}: {reason}</translation>
    </message>
</context>
<context>
    <name>GlossaryFixer</name>
    <message>
        <location filename="../reader/ui/edits/glossary_fix.py" line="+46"/>
        <source>Use &amp;Glossary Term…</source>
        <translation>&amp;Glossarbegriff verwenden …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the glossary&apos;s English in place of the model&apos;s</source>
        <translation>Das Englisch aus dem Glossar statt dem des Modells einsetzen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Use Glossary Term</source>
        <translation>Glossarbegriff verwenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the English of this sentence?</source>
        <translation>Das Englisch dieses Satzes ersetzen?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Replace</source>
        <translation>&amp;Ersetzen</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../reader/ui/dialogs/help.py" line="+52"/>
        <source>J / K</source>
        <translation>J / K</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next / previous sentence</source>
        <translation>Nächster / vorheriger Satz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the German and English of the current sentence</source>
        <translation>Deutsch und Englisch des aktuellen Satzes kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close the find bar</source>
        <translation>Suchleiste schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+wheel</source>
        <translation>Strg+Mausrad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Zoom in or out</source>
        <translation>Vergrößern oder verkleinern</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>In the menus</source>
        <translation>In den Menüs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the text</source>
        <translation>Im Text</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not installed</source>
        <translation>nicht installiert</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+78"/>
        <source>Bilingual Reader</source>
        <translation>Zweisprachiger Leser</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>derived from Wikipedia, no licence stated</source>
        <translation>aus Wikipedia abgeleitet, keine Lizenz angegeben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>research use</source>
        <translation>Nutzung für die Forschung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GermaNER surname list</source>
        <translation>Nachnamenliste von GermaNER</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OpenStreetMap town names</source>
        <translation>Ortsnamen aus OpenStreetMap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CC BY-SA 2.0, © OpenStreetMap contributors</source>
        <translation>CC BY-SA 2.0, © OpenStreetMap-Mitwirkende</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Country names of the Auswärtiges Amt</source>
        <translation>Ländernamen des Auswärtigen Amts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>official work, free to use (§ 5 UrhG)</source>
        <translation>amtliches Werk, frei verwendbar (§ 5 UrhG)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>German Wiktionary nouns (german-nouns package)</source>
        <translation>Substantive aus dem deutschen Wiktionary (Paket german-nouns)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CC BY-SA 4.0, © Wiktionary contributors</source>
        <translation>CC BY-SA 4.0, © Wiktionary-Autoren</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reads German articles beside an English translation made on this computer. Nothing you open leaves it.</source>
        <translation>Zeigt deutsche Artikel neben einer englischen Übersetzung, die auf diesem Computer entsteht. Nichts, was Sie öffnen, verlässt ihn.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The reader is free software under the MIT licence. It uses Qt and PySide6 (LGPL 3), CTranslate2 (MIT), Argos Translate (MIT), spaCy (MIT), SentencePiece (Apache 2.0) and CRFsuite (BSD).</source>
        <translation>Der Zweisprachige Leser ist freie Software unter der MIT-Lizenz. Er verwendet Qt und PySide6 (LGPL 3), CTranslate2 (MIT), Argos Translate (MIT), spaCy (MIT), SentencePiece (Apache 2.0) und CRFsuite (BSD).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The name recognizer shipped with the reader was trained on the data below; its weights are released under CC BY 4.0 with these attributions, its lists of names and words under CC BY-SA 4.0 (© Wiktionary contributors, © OpenStreetMap contributors) and the Apache License 2.0, its word clusters under CC BY-SA 4.0.</source>
        <translation>Die mitgelieferte Namenserkennung wurde mit den unten genannten Daten trainiert; ihre Gewichte stehen mit diesen Quellenangaben unter CC BY 4.0, ihre Namens- und Wortlisten unter CC BY-SA 4.0 (© Wiktionary-Autoren, © OpenStreetMap-Mitwirkende) und der Apache License 2.0, ihre Wortcluster unter CC BY-SA 4.0.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Translation models are downloaded from the Argos Translate package index only when you ask; each package names its own licence.</source>
        <translation>Übersetzungsmodelle werden nur auf Ihren Wunsch aus dem Paketverzeichnis von Argos Translate heruntergeladen; jedes Paket nennt seine eigene Lizenz.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licences</source>
        <translation>Lizenzen</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About Bilingual Reader</source>
        <translation>Über den Zweisprachigen Leser</translation>
    </message>
    <message>
        <location line="-170"/>
        <source>Click a German word</source>
        <translation>Klick auf ein deutsches Wort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open its lookup card</source>
        <translation>Seine Wortkarte öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>← / →, S, Esc</source>
        <translation>← / →, S, Esc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On the card: previous / next word, save it, close it</source>
        <translation>Auf der Karte: vorheriges / nächstes Wort, speichern, schließen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E</source>
        <translation>E</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With the English hidden: show or cover the current sentence&apos;s</source>
        <translation>Bei verdecktem Englisch: das des aktuellen Satzes zeigen oder verdecken</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>The word card uses simplemma (MIT; its lemma lists come from open data under ODbL, CC BY-SA and similar licences) and a table of German Wiktionary nouns (CC BY-SA 4.0, © Wiktionary contributors; resources/words/DATA_CARD.md). Anki decks are written with genanki (MIT). A Ding dictionary installed on the system is read, never shipped.</source>
        <translation>Die Wortkarte nutzt simplemma (MIT; seine Lemmalisten stammen aus offenen Daten unter ODbL, CC BY-SA und ähnlichen Lizenzen) und eine Tabelle deutscher Wiktionary-Substantive (CC BY-SA 4.0, © Wiktionary-Autoren; resources/words/DATA_CARD.md). Anki-Stapel werden mit genanki (MIT) geschrieben. Ein auf dem System installiertes Ding-Wörterbuch wird gelesen, nie mitgeliefert.</translation>
    </message>
</context>
<context>
    <name>Languages</name>
    <message>
        <location filename="../reader/ui/i18n.py" line="+37"/>
        <source>System default</source>
        <translation>Systemsprache</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <location filename="../reader/ui/window/links.py" line="+17"/>
        <source>Open link</source>
        <translation>Link öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open this link in your web browser?

{url}</source>
        <translation>Diesen Link im Webbrowser öffnen?

{url}</translation>
    </message>
</context>
<context>
    <name>MainMenu</name>
    <message>
        <location filename="../reader/ui/window/menu_bar.py" line="+42"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Recent</source>
        <translation>Zuletzt &amp;geöffnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export as…</source>
        <translation>&amp;Exportieren als …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy Sentence &amp;Pair</source>
        <translation>Satz&amp;paar kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;Next</source>
        <translation>&amp;Weitersuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find Pre&amp;vious</source>
        <translation>&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next Sentence</source>
        <translation>&amp;Nächster Satz</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous Sentence</source>
        <translation>&amp;Vorheriger Satz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Highlight &amp;Names</source>
        <translation>Namen &amp;hervorheben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>People, organisations, places and other names</source>
        <translation>Personen, Organisationen, Orte und andere Namen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Follow the &amp;System</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Full Screen</source>
        <translation>Voll&amp;bild</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Tools</source>
        <translation>E&amp;xtras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translation &amp;Models…</source>
        <translation>Übersetzungs&amp;modelle …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel Translation</source>
        <translation>Übersetzung &amp;abbrechen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Log Folder</source>
        <translation>Protokoll&amp;ordner öffnen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;About Bilingual Reader</source>
        <translation>Ü&amp;ber den Zweisprachigen Leser</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>&amp;Translate the Rest</source>
        <translation>&amp;Rest übersetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translate the sentences that have no English yet</source>
        <translation>Die Sätze übersetzen, die noch kein Englisch haben</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../reader/ui/application.py" line="+90"/>
        <location filename="../reader/ui/window/main_window.py" line="+77"/>
        <source>Bilingual Reader</source>
        <translation>Zweisprachiger Leser</translation>
    </message>
    <message>
        <location filename="../reader/ui/window/main_window.py" line="+151"/>
        <source>Opening {name}…</source>
        <translation>{name} wird geöffnet …</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open document</source>
        <translation>Dokument öffnen</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>{title} — Bilingual Reader</source>
        <translation>{title} — Zweisprachiger Leser</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Copied the sentence pair.</source>
        <translation>Satzpaar kopiert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Links of this kind are not opened: {url}</source>
        <translation>Links dieser Art werden nicht geöffnet: {url}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Zoom {percent} %</source>
        <translation>Zoom {percent} %</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../reader/ui/window/message_bar.py" line="+39"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close message</source>
        <translation>Meldung schließen</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../reader/ui/window/messages.py" line="+15"/>
        <source>the file</source>
        <translation>die Datei</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“{name}” could not be found. It may have been moved or deleted.</source>
        <translation>„{name}“ wurde nicht gefunden. Die Datei wurde vielleicht verschoben oder gelöscht.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{name}” is not a regular file (a folder or a device?).</source>
        <translation>„{name}“ ist keine normale Datei (ein Ordner oder ein Gerät?).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You do not have permission to read “{name}”.</source>
        <translation>Sie haben keine Berechtigung, „{name}“ zu lesen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no file extension</source>
        <translation>keine Dateiendung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{name}” is too large to show ({size} MB; the limit is {limit} MB).</source>
        <translation>„{name}“ ist zu groß zum Anzeigen ({size} MB; die Grenze liegt bei {limit} MB).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{name}” is not a text file (it contains binary data).</source>
        <translation>„{name}“ ist keine Textdatei (sie enthält Binärdaten).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{name}” contains no text to show.</source>
        <translation>„{name}“ enthält keinen Text, der angezeigt werden könnte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“{name}” could not be read: {reason}</source>
        <translation>„{name}“ konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>“{name}” could not be opened: {error}</source>
        <translation>„{name}“ konnte nicht geöffnet werden: {error}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The translation model in “{folder}” could not be loaded. Reinstall it from Tools › Translation models.</source>
        <translation>Das Übersetzungsmodell in „{folder}“ konnte nicht geladen werden. Installieren Sie es unter Extras › Übersetzungsmodelle neu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Translation stopped: {error}</source>
        <translation>Übersetzung angehalten: {error}</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>“{name}” has a format the reader cannot open ({suffix}). Open Markdown (.md), plain text (.txt), HTML (.html), EPUB, Word (.docx) or PDF files.</source>
        <translation>„{name}“ hat ein Format, das sich hier nicht öffnen lässt ({suffix}). Öffnen Sie Markdown- (.md), Text- (.txt), HTML- (.html), EPUB-, Word- (.docx) oder PDF-Dateien.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>“{name}” was refused: it holds more than {limit} files.</source>
        <translation>„{name}“ wurde abgelehnt: Es enthält mehr als {limit} Dateien.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{name}” was refused: it unpacks to far more data than a document holds (a zip bomb?).</source>
        <translation>„{name}“ wurde abgelehnt: Es entpackt sich zu weit mehr Daten, als ein Dokument enthält (eine Zip-Bombe?).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{name}” was refused: it declares XML entities, which the reader never expands.</source>
        <translation>„{name}“ wurde abgelehnt: Es deklariert XML-Entitäten, die hier nie aufgelöst werden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{name}” was refused: its entry “{entry}” is a link or an unsafe path.</source>
        <translation>„{name}“ wurde abgelehnt: Sein Eintrag „{entry}“ ist ein Link oder ein unsicherer Pfad.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“{name}” is damaged and cannot be read ({reason}).</source>
        <translation>„{name}“ ist beschädigt und kann nicht gelesen werden ({reason}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“{name}” is protected by a password or copy protection; the reader cannot open it.</source>
        <translation>„{name}“ ist durch ein Passwort oder einen Kopierschutz geschützt und lässt sich hier nicht öffnen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{name}” has no text to read: its pages are images (a scan). Run text recognition (OCR) on it first.</source>
        <translation>„{name}“ enthält keinen lesbaren Text: Seine Seiten sind Bilder (ein Scan). Lassen Sie zuerst eine Texterkennung (OCR) darüber laufen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>“{name}” has {pages} pages; the reader opens at most {limit}.</source>
        <translation>„{name}“ hat {pages} Seiten; geöffnet werden höchstens {limit}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Opening “{name}” was stopped.</source>
        <translation>Das Öffnen von „{name}“ wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>ModelBanner</name>
    <message>
        <location filename="../reader/ui/models/banner.py" line="+33"/>
        <source>No translation model</source>
        <translation>Kein Übersetzungsmodell</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Information</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No German→English translation model is installed. The German text is shown; install a model to see the English.</source>
        <translation>Es ist kein Übersetzungsmodell Deutsch→Englisch installiert. Der deutsche Text wird angezeigt; installieren Sie ein Modell, um die englische Übersetzung zu sehen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Install model from file…</source>
        <translation>Modell aus Datei installieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Install model from file</source>
        <translation>Modell aus Datei installieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Download…</source>
        <translation>Herunterladen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download a model</source>
        <translation>Ein Modell herunterladen</translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message>
        <location filename="../reader/ui/models/manager.py" line="+71"/>
        <location line="+1"/>
        <source>Translation models</source>
        <translation>Übersetzungsmodelle</translation>
    </message>
    <message>
        <location filename="../reader/ui/models/manager_layout.py" line="+61"/>
        <location line="+8"/>
        <source>Installed models</source>
        <translation>Installierte Modelle</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Sprachen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>About the selected model</source>
        <translation>Über das ausgewählte Modell</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a model to read about it.</source>
        <translation>Wählen Sie ein Modell aus, um mehr darüber zu lesen.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Available to download</source>
        <translation>Zum Herunterladen verfügbar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Models available to download</source>
        <translation>Zum Herunterladen verfügbare Modelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Download and &amp;install</source>
        <translation>Herunterladen und &amp;installieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Abbrechen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancel the running task</source>
        <translation>Den laufenden Vorgang abbrechen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Install from &amp;file…</source>
        <translation>Aus &amp;Datei installieren …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Download…</source>
        <translation>&amp;Herunterladen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../reader/ui/models/manager.py" line="+39"/>
        <source>Install translation model</source>
        <translation>Übersetzungsmodell installieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Argos Translate models (*.argosmodel);;All files (*)</source>
        <translation>Argos-Translate-Modelle (*.argosmodel);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Installing {name}…</source>
        <translation>{name} wird installiert …</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Fetching the list of available models…</source>
        <translation>Liste der verfügbaren Modelle wird abgerufen …</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Downloading {name}…</source>
        <translation>{name} wird heruntergeladen …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Checking and installing {name}…</source>
        <translation>{name} wird geprüft und installiert …</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Remove model</source>
        <translation>Modell entfernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove {name}? Its files are deleted from this computer.</source>
        <translation>{name} entfernen? Seine Dateien werden von diesem Computer gelöscht.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Removing {name}…</source>
        <translation>{name} wird entfernt …</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>%p% ({done} of {total})</source>
        <translation>%p % ({done} von {total})</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>the model</source>
        <translation>das Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Installed {name}.</source>
        <translation>{name} installiert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Removed {name}.</source>
        <translation>{name} entfernt.</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n model(s) available. Choose one and press Download and install.</source>
        <translation>
            <numerusform>%n Modell verfügbar. Wählen Sie es aus und klicken Sie auf „Herunterladen und installieren“.</numerusform>
            <numerusform>%n Modelle verfügbar. Wählen Sie eines aus und klicken Sie auf „Herunterladen und installieren“.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The index lists no German–English models.</source>
        <translation>Das Verzeichnis enthält keine Modelle Deutsch–Englisch.</translation>
    </message>
    <message>
        <location filename="../reader/ui/models/package_list.py" line="+43"/>
        <source>Shared folder: not removed by this application.</source>
        <translation>Gemeinsamer Ordner: wird von dieser Anwendung nicht entfernt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{folder} (not usable: {reason})</source>
        <translation>{folder} (nicht verwendbar: {reason})</translation>
    </message>
    <message>
        <location filename="../reader/ui/models/manager.py" line="+29"/>
        <source>No translation model is installed yet. Install one from a file or download one.</source>
        <translation>Es ist noch kein Übersetzungsmodell installiert. Installieren Sie eines aus einer Datei oder laden Sie eines herunter.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This folder is not a usable model: {reason}

{path}</source>
        <translation>Dieser Ordner ist kein verwendbares Modell: {reason}

{path}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Only models in this application&apos;s own folder can be removed.</source>
        <translation>Nur Modelle im eigenen Ordner dieser Anwendung können entfernt werden.</translation>
    </message>
    <message>
        <location filename="../reader/ui/models/manager_text.py" line="+37"/>
        <source>(unnamed model)</source>
        <translation>(unbenanntes Modell)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{version} (installed)</source>
        <translation>{version} (installiert)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{source} → {target}</source>
        <translation>{source} → {target}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not read {file}: {reason}</source>
        <translation>{file} konnte nicht gelesen werden: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{file} is not a model package: it is not a zip archive, or it is damaged.</source>
        <translation>{file} ist kein Modellpaket: Die Datei ist kein ZIP-Archiv oder beschädigt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The package was refused: it contains an unsafe file name ({name}).</source>
        <translation>Das Paket wurde abgelehnt: Es enthält einen unsicheren Dateinamen ({name}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The package was refused: it contains a symbolic link ({name}).</source>
        <translation>Das Paket wurde abgelehnt: Es enthält eine symbolische Verknüpfung ({name}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The package file is larger than the limit of {limit}.</source>
        <translation>Die Paketdatei ist größer als die Grenze von {limit}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The package would unpack to more than {limit}; it was not installed.</source>
        <translation>Das Paket würde entpackt mehr als {limit} belegen; es wurde nicht installiert.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The package holds more than {limit} files; it was refused.</source>
        <translation>Das Paket enthält mehr als {limit} Dateien; es wurde abgelehnt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The package is not laid out like an Argos model (one folder holding everything): {reason}</source>
        <translation>Das Paket ist nicht wie ein Argos-Modell aufgebaut (ein Ordner, der alles enthält): {reason}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The package&apos;s metadata.json is not valid: {reason}</source>
        <translation>Die metadata.json des Pakets ist ungültig: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This package translates {source}→{target}, not German↔English.</source>
        <translation>Dieses Paket übersetzt {source}→{target}, nicht Deutsch↔Englisch.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The package is incomplete; missing: {files}</source>
        <translation>Das Paket ist unvollständig; es fehlt: {files}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The package is damaged ({name}); download or copy it again.</source>
        <translation>Das Paket ist beschädigt ({name}); laden oder kopieren Sie es erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The package&apos;s model files cannot be loaded: {reason}</source>
        <translation>Die Modelldateien des Pakets lassen sich nicht laden: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write to the model folder {folder}. Check its permissions and free space.</source>
        <translation>In den Modellordner {folder} kann nicht geschrieben werden. Prüfen Sie die Berechtigungen und den freien Speicherplatz.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled. Nothing was installed.</source>
        <translation>Abgebrochen. Es wurde nichts installiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Download cancelled. Nothing was installed.</source>
        <translation>Download abgebrochen. Es wurde nichts installiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{code} is already installed.</source>
        <translation>{code} ist bereits installiert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} is not in this application&apos;s own model folder and was not removed.</source>
        <translation>{what} liegt nicht im eigenen Modellordner dieser Anwendung und wurde nicht entfernt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not reach the model index. Check your internet connection and try again, or install a model from a file.</source>
        <translation>Das Modellverzeichnis ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut, oder installieren Sie ein Modell aus einer Datei.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The model index could not be understood. Try again later.</source>
        <translation>Das Modellverzeichnis konnte nicht gelesen werden. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The index lists no model {wanted}.</source>
        <translation>Das Verzeichnis enthält kein Modell {wanted}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The download failed: {reason}. Nothing was installed.</source>
        <translation>Der Download ist fehlgeschlagen: {reason}. Es wurde nichts installiert.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The operation failed: {reason}</source>
        <translation>Der Vorgang ist fehlgeschlagen: {reason}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something went wrong ({kind}). Nothing was changed.</source>
        <translation>Etwas ist schiefgegangen ({kind}). Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>German → English</source>
        <translation>Deutsch → Englisch</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>English → German</source>
        <translation>Englisch → Deutsch</translation>
    </message>
</context>
<context>
    <name>PracticeLayouts</name>
    <message>
        <location filename="../reader/ui/words/practice.py" line="+46"/>
        <source>&amp;Hide English</source>
        <translation>Englisch &amp;verdecken</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cover the English until you reveal it: hover, click, or E for the current</source>
        <translation>Das Englische verdecken, bis Sie es aufdecken: darüberfahren, klicken oder E für den aktuellen Satz</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Interleaved</source>
        <translation>&amp;Untereinander</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each English paragraph under its German one</source>
        <translation>Jeder englische Absatz unter seinem deutschen</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../reader/ui/dialogs/preferences.py" line="+77"/>
        <location line="+1"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading font</source>
        <translation>Leseschrift</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Font size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Width of the German column</source>
        <translation>Breite der deutschen Spalte</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Accurate weighs four candidate translations of every sentence and matches Argos Translate exactly; it takes roughly two to three times as long. Fast keeps only the likeliest word at each step: quicker, occasionally clumsier. Changing this translates the open document again.</source>
        <translation>„Genau“ wägt für jeden Satz vier mögliche Übersetzungen ab und liefert genau dasselbe wie Argos Translate; das dauert etwa zwei- bis dreimal so lange. „Schnell“ behält bei jedem Schritt nur das wahrscheinlichste Wort: zügiger, gelegentlich holpriger. Eine Änderung übersetzt das geöffnete Dokument neu.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A new language applies when the reader restarts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Start.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name recognition</source>
        <translation>Namenserkennung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built in (the reader&apos;s own)</source>
        <translation>Eingebaut (die des Lesers)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Installed German spaCy pipelines (de_core_news_lg, _md, _sm) are offered here. A pipeline that is no longer installed falls back to the built-in one.</source>
        <translation>Installierte deutsche spaCy-Pipelines (de_core_news_lg, _md, _sm) stehen hier zur Wahl. Ist eine gewählte Pipeline nicht mehr installiert, wird die eingebaute verwendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Leave one core free for other &amp;programs</source>
        <translation>Einen &amp;Kern für andere Programme frei lassen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Reopen the last document on start</source>
        <translation>Beim Start das letzte Dokument &amp;wieder öffnen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading &amp;font:</source>
        <translation>&amp;Leseschrift:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Font &amp;size:</source>
        <translation>Schriftgr&amp;öße:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;German column:</source>
        <translation>&amp;Deutsche Spalte:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Translation:</source>
        <translation>Übersetzung:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Names found by:</source>
        <translation>&amp;Namen erkennt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>S&amp;prache:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stored translations:</source>
        <translation>Gespeicherte Übersetzungen:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stored translations</source>
        <translation>Gespeicherte Übersetzungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clear</source>
        <translation>Lös&amp;chen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear stored translations</source>
        <translation>Gespeicherte Übersetzungen löschen</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%Ln sentence(s), %1</source>
        <translation>
            <numerusform>%Ln Satz, %1</numerusform>
            <numerusform>%Ln Sätze, %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Clear Stored Translations</source>
        <translation>Gespeicherte Übersetzungen löschen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Erase every translation the reader has stored? Documents you open again will be translated anew.

This happens at once, whether you then press OK or Cancel.</source>
        <translation>Alle gespeicherten Übersetzungen löschen? Dokumente, die Sie erneut öffnen, werden neu übersetzt.

Das geschieht sofort, ob Sie danach OK oder Abbrechen wählen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Clearing…</source>
        <translation>Wird gelöscht …</translation>
    </message>
    <message>
        <location line="-152"/>
        <source> characters</source>
        <translation> Zeichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Longest line</source>
        <translation>Längste Zeile</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>On wider windows the two columns stay centred</source>
        <translation>In breiteren Fenstern bleiben die beiden Spalten in der Mitte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fast</source>
        <translation>&amp;Schnell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Accurate (recommended)</source>
        <translation>&amp;Genau (empfohlen)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>L&amp;ongest line:</source>
        <translation>Längste &amp;Zeile:</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Off: translation uses every core of this computer and finishes soonest. On: one core stays free for other programs; translating takes longer.</source>
        <translation>Aus: Die Übersetzung nutzt jeden Kern dieses Computers und ist am schnellsten fertig. An: Ein Kern bleibt für andere Programme frei; das Übersetzen dauert länger.</translation>
    </message>
</context>
<context>
    <name>RecentMenu</name>
    <message>
        <location filename="../reader/ui/window/file_menu.py" line="+41"/>
        <source>No recent documents</source>
        <translation>Keine zuletzt geöffneten Dokumente</translation>
    </message>
</context>
<context>
    <name>RowWindow</name>
    <message>
        <location filename="../reader/ui/view/row_window.py" line="+31"/>
        <source>Place in the document</source>
        <translation>Stelle im Dokument</translation>
    </message>
</context>
<context>
    <name>SentenceEditor</name>
    <message>
        <location filename="../reader/ui/edits/editor.py" line="+28"/>
        <source>Edit Translation</source>
        <translation>Übersetzung bearbeiten</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>German sentence</source>
        <translation>Deutscher Satz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your English</source>
        <translation>Ihr Englisch</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../reader/ui/window/status_bar.py" line="+36"/>
        <source>Current sentence</source>
        <translation>Aktueller Satz</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Document format and encoding</source>
        <translation>Dokumentformat und Zeichenkodierung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Translation progress</source>
        <translation>Übersetzungsfortschritt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel translation</source>
        <translation>Übersetzung abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop translating (what is done stays)</source>
        <translation>Übersetzung anhalten (Fertiges bleibt erhalten)</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+15"/>
        <source>Loading the model…</source>
        <translation>Modell wird geladen …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{done} / {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{done} of {total} sentences translated</source>
        <translation>{done} von {total} Sätzen übersetzt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>under a minute left</source>
        <translation>noch weniger als eine Minute</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>about {minutes} min left</source>
        <translation>noch etwa {minutes} min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>about {hours} h {minutes} min left</source>
        <translation>noch etwa {hours} h {minutes} min</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sentence {number} of {total}</source>
        <translation>Satz {number} von {total}</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>%n Satz</numerusform>
            <numerusform>%n Sätze</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Markdown</source>
        <translation>Markdown</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTML</source>
        <translation>HTML</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain text</source>
        <translation>Reiner Text</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n invalid byte(s) shown as �</source>
        <translation>
            <numerusform>%n ungültiges Byte als � angezeigt</numerusform>
            <numerusform>%n ungültige Bytes als � angezeigt</numerusform>
        </translation>
    </message>
    <message>
        <location line="-103"/>
        <source>Translate the Rest</source>
        <translation>Rest übersetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Translate the sentences that have no English yet</source>
        <translation>Die Sätze übersetzen, die noch kein Englisch haben</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>EPUB book</source>
        <translation>EPUB-Buch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word document</source>
        <translation>Word-Dokument</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
</context>
<context>
    <name>TextDialog</name>
    <message>
        <location filename="../reader/ui/dialogs/help.py" line="+39"/>
        <source>&amp;Copy All</source>
        <translation>&amp;Alles kopieren</translation>
    </message>
</context>
<context>
    <name>TranslationRunner</name>
    <message>
        <location filename="../reader/ui/window/translation_runner.py" line="+117"/>
        <source>Translation cancelled: {done} of {total} sentences done.</source>
        <translation>Übersetzung abgebrochen: {done} von {total} Sätzen fertig.</translation>
    </message>
</context>
<context>
    <name>VocabularyController</name>
    <message>
        <location filename="../reader/ui/words/vocabulary.py" line="+63"/>
        <source>&amp;Vocabulary</source>
        <translation>&amp;Wortschatz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the words you saved</source>
        <translation>Die gespeicherten Wörter auflisten</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Your vocabulary could not be read and was put aside as {name}; a new, empty one was started.</source>
        <translation>Ihr Wortschatz konnte nicht gelesen werden und wurde als {name} beiseitegelegt; ein neuer, leerer wurde angelegt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your vocabulary cannot be stored ({reason}); words you save now are kept only until the reader closes.</source>
        <translation>Ihr Wortschatz kann nicht gespeichert werden ({reason}); Wörter, die Sie jetzt speichern, bleiben nur bis zum Schließen des Lesers erhalten.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Could not save “{word}”: {reason}</source>
        <translation>„{word}“ konnte nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved “{lemma}” to your vocabulary.</source>
        <translation>„{lemma}“ im Wortschatz gespeichert.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>That sentence is not in the open document.</source>
        <translation>Dieser Satz steht nicht im geöffneten Dokument.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export vocabulary as CSV</source>
        <translation>Wortschatz als CSV exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export vocabulary as Anki deck</source>
        <translation>Wortschatz als Anki-Stapel exportieren</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Exported {count} words to {path}</source>
        <translation>{count} Wörter nach {path} exportiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not export the vocabulary: {reason}</source>
        <translation>Der Wortschatz konnte nicht exportiert werden: {reason}</translation>
    </message>
</context>
<context>
    <name>VocabularyPanel</name>
    <message>
        <location filename="../reader/ui/words/vocabulary_panel.py" line="+80"/>
        <source>Vocabulary</source>
        <translation>Wortschatz</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vocabulary panel</source>
        <translation>Wortschatzliste</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search words and sentences</source>
        <translation>Wörter und Sätze durchsuchen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the vocabulary</source>
        <translation>Den Wortschatz durchsuchen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved words</source>
        <translation>Gespeicherte Wörter</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the chosen word (Del)</source>
        <translation>Das gewählte Wort löschen (Entf)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport</source>
        <translation>E&amp;xportieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anki deck (.apkg)…</source>
        <translation>Anki-Stapel (.apkg) …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV table (.csv)…</source>
        <translation>CSV-Tabelle (.csv) …</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No saved word matches “{text}”</source>
        <translation>Kein gespeichertes Wort passt zu „{text}“</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No saved words yet. Click a German word and press Save word (or S).</source>
        <translation>Noch keine gespeicherten Wörter. Klicken Sie auf ein deutsches Wort und wählen Sie „Wort speichern“ (oder S).</translation>
    </message>
</context>
<context>
    <name>WholePageToggle</name>
    <message>
        <location filename="../reader/ui/window/whole_page.py" line="+32"/>
        <source>Whole &amp;Page</source>
        <translation>&amp;Ganze Seite</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the saved web page whole: navigation, footer and all, not only its article</source>
        <translation>Die gespeicherte Webseite ganz zeigen – mit Navigation, Fußzeile und allem, nicht nur ihren Artikel</translation>
    </message>
</context>
<context>
    <name>WordCard</name>
    <message>
        <location filename="../reader/ui/words/card.py" line="+35"/>
        <source>Word lookup</source>
        <translation>Wort nachschlagen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save word</source>
        <translation>Wort speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep this word in your vocabulary (S)</source>
        <translation>Dieses Wort im Wortschatz aufbewahren (S)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the card (Esc)</source>
        <translation>Karte schließen (Esc)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>← → other words · S saves · Esc closes</source>
        <translation>← → andere Wörter · S speichert · Esc schließt</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Looking up…</source>
        <translation>Wird nachgeschlagen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>from {lemma}</source>
        <translation>von {lemma}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>noun, {articles}</source>
        <translation>Substantiv, {articles}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>plural {plural}</source>
        <translation>Plural {plural}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In this sentence:</source>
        <translation>In diesem Satz:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parts:</source>
        <translation>Teile:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dictionary (Ding):</source>
        <translation>Wörterbuch (Ding):</translation>
    </message>
</context>
<context>
    <name>WordsController</name>
    <message>
        <location filename="../reader/ui/words/controller.py" line="+86"/>
        <source>Look Up &amp;Word</source>
        <translation>&amp;Wort nachschlagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the card of the word under the pointer</source>
        <translation>Die Karte des Wortes unter dem Mauszeiger zeigen</translation>
    </message>
    <message>
        <location line="+187"/>
        <source>no translation model</source>
        <translation>kein Übersetzungsmodell</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>translation failed</source>
        <translation>Übersetzung fehlgeschlagen</translation>
    </message>
</context>
</TS>
