/// A read-only text view keeps its first line shown.
extension TextViewer: ViewStateRestorable {
    public var viewState: DocumentViewState { DocumentViewState(top: top) }

    public func restore(_ state: DocumentViewState) {
        guard let line = state.top else { return }
        // Clamped to the text now; the next frame clamps to the pane's height.
        scroll(by: line - top, height: 1)
    }
}
