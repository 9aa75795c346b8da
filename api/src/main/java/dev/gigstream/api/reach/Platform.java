package dev.gigstream.api.reach;

/** Where an app that receives push notifications runs: the provider's token says which install it is. */
public enum Platform {
    ANDROID, IOS, WEB
}
