package se.lotsbok.ui.journal;

import javafx.scene.control.Tab;
import se.lotsbok.i18n.Texts;

/** The "Anteckningar" tab of an open participant. */
public final class NotesTab {

    private final Tab tab;

    public NotesTab(NotesViewModel viewModel, Texts texts) {
        tab = new Tab(texts.get("note.tab"), new NotesView(viewModel, texts));
        tab.setId("notesTab");
        tab.setClosable(false);
    }

    public Tab tab() {
        return tab;
    }
}
