package se.lotsbok.ui.journal;

import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import se.lotsbok.i18n.Texts;

/** The "Anteckningar" tab of an open participant. */
public final class NotesTab {

    private final Tab tab;

    public NotesTab(NotesViewModel viewModel, Texts texts) {
        NotesView view = new NotesView(viewModel, texts);
        view.getStyleClass().add("tab-content");
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        tab = new Tab(texts.get("note.tab"), scroll);
        tab.setId("notesTab");
        tab.setClosable(false);
    }

    public Tab tab() {
        return tab;
    }
}
