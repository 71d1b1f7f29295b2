package io.quire.mail;
