package io.quire.mail.imap.handler;

/** One instance of every command handler; handlers are stateless. */
final class Handlers {
    final CapabilityHandler capability = new CapabilityHandler();
    final NoopHandler noop = new NoopHandler();
    final LogoutHandler logout = new LogoutHandler();
    final StarttlsHandler starttls = new StarttlsHandler();
    final AuthenticateHandler authenticate = new AuthenticateHandler();
    final LoginHandler login = new LoginHandler();
    final EnableHandler enable = new EnableHandler();
    final IdHandler id = new IdHandler();
    final IdleHandler idle = new IdleHandler();
    final NamespaceHandler namespace = new NamespaceHandler();
    final SelectHandler select = new SelectHandler();
    final ExamineHandler examine = new ExamineHandler();
    final CreateHandler create = new CreateHandler();
    final DeleteHandler delete = new DeleteHandler();
    final RenameHandler rename = new RenameHandler();
    final SubscribeHandler subscribe = new SubscribeHandler();
    final UnsubscribeHandler unsubscribe = new UnsubscribeHandler();
    final ListHandler list = new ListHandler();
    final LsubHandler lsub = new LsubHandler();
    final StatusHandler status = new StatusHandler();
    final AppendHandler append = new AppendHandler();
    final CheckHandler check = new CheckHandler();
    final CloseHandler close = new CloseHandler();
    final UnselectHandler unselect = new UnselectHandler();
    final ExpungeHandler expunge = new ExpungeHandler();
    final UidExpungeHandler uidExpunge = new UidExpungeHandler();
    final SearchHandler search = new SearchHandler();
    final FetchHandler fetch = new FetchHandler();
    final StoreHandler store = new StoreHandler();
    final CopyHandler copy = new CopyHandler();
    final MoveHandler move = new MoveHandler();
    final SortHandler sort = new SortHandler();
    final ThreadHandler thread = new ThreadHandler();
}
