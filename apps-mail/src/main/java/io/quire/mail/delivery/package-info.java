/**
 * The hand-over point between the mail receivers (SMTP, LMTP) and the mail store.
 *
 * <p>The store implements {@link io.quire.mail.delivery.MailDelivery}; the receivers call it with an
 * {@link io.quire.mail.delivery.Envelope} and a {@link io.quire.mail.delivery.MessageContent}, and turn its typed
 * answers ({@link io.quire.mail.delivery.RecipientCheck}, {@link io.quire.mail.delivery.DeliveryResult}) into
 * reply codes. Nothing here does I/O.
 */
package io.quire.mail.delivery;
