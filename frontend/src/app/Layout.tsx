import { useEffect } from "react";
import { FormattedMessage, useIntl } from "react-intl";
import { Link, NavLink, Outlet, useNavigate } from "react-router";
import { LoadError, Loading } from "@/components/Loading";
import { LocaleSwitcher } from "@/components/LocaleSwitcher";
import { signOut } from "@/features/auth/api";
import { AnalyticsScript, ConsentProvider, CookieBanner, CookieSettingsLink } from "@/features/consent";
import { PolicyNotice } from "@/features/legal";
import { AccountDeletedNotice } from "@/features/privacy";
import { useSession } from "@/features/auth/useSession";
import { isTeamMember } from "@/features/moderation";
import { NotificationBell } from "@/features/notifications";
import { applyBranding, usePlatform } from "@/features/platform";
import { useLocalized } from "@/lib/i18n";

/** Header, navigation, skip link, main landmark and footer around every page. */
export function Layout() {
  const intl = useIntl();
  const localize = useLocalized();
  const platform = usePlatform();
  const sessionState = useSession();
  const navigate = useNavigate();
  const name = platform.data ? localize(platform.data.name) : "Townhall";

  useEffect(() => {
    if (platform.data) applyBranding(platform.data.branding, document.documentElement);
  }, [platform.data]);

  useEffect(() => {
    document.title = name;
  }, [name]);

  const signedIn = sessionState.status === "authenticated";

  return (
    <ConsentProvider>
      <CookieBanner />
      <a className="skip-link" href="#main-content">
        <FormattedMessage id="layout.skipToContent" />
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-header__brand">
            {platform.data?.branding.logo_url ? (
              <img
                src={platform.data.branding.logo_url}
                alt=""
                className="site-header__logo"
                height={40}
              />
            ) : null}
            <span>{name}</span>
          </Link>
          <nav aria-label={intl.formatMessage({ id: "layout.mainNav" })} className="site-nav">
            <ul>
              <li>
                <NavLink to="/" end>
                  <FormattedMessage id="nav.home" />
                </NavLink>
              </li>
              {signedIn ? (
                <>
                  {isTeamMember(sessionState) ? (
                    <li>
                      <NavLink to="/admin">
                        <FormattedMessage id="nav.admin" />
                      </NavLink>
                    </li>
                  ) : null}
                  <li>
                    <NotificationBell />
                  </li>
                  <li>
                    <NavLink to="/profile">
                      <FormattedMessage id="nav.profile" />
                    </NavLink>
                  </li>
                  <li>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => void signOut().then(() => navigate("/"))}
                    >
                      <FormattedMessage id="nav.signOut" />
                    </button>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <NavLink to="/sign-in">
                      <FormattedMessage id="nav.signIn" />
                    </NavLink>
                  </li>
                  <li>
                    <NavLink to="/sign-up">
                      <FormattedMessage id="nav.signUp" />
                    </NavLink>
                  </li>
                </>
              )}
            </ul>
          </nav>
          {platform.data ? <LocaleSwitcher /> : null}
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="site-main">
        {sessionState.expired ? (
          <div className="notice" role="status">
            <FormattedMessage
              id="session.expired"
              values={{ link: (chunks) => <Link to="/sign-in">{chunks}</Link> }}
            />
          </div>
        ) : null}
        <AccountDeletedNotice />
        {platform.isSuccess ? <PolicyNotice /> : null}
        {platform.isPending ? <Loading /> : null}
        {platform.isError ? <LoadError error={platform.error} /> : null}
        {platform.isSuccess ? <Outlet /> : null}
      </main>
      <footer className="site-footer">
        <p>
          <FormattedMessage id="layout.footer" values={{ name }} />
        </p>
        <nav aria-label={intl.formatMessage({ id: "layout.footerNav" })} className="site-footer__links">
          <ul>
            <li>
              <Link to="/privacy">
                <FormattedMessage id="legal.privacy" />
              </Link>
            </li>
            <li>
              <Link to="/terms">
                <FormattedMessage id="legal.terms" />
              </Link>
            </li>
            <li>
              <CookieSettingsLink />
            </li>
          </ul>
        </nav>
      </footer>
      <AnalyticsScript src={platform.data?.privacy?.analytics_script_url} />
    </ConsentProvider>
  );
}
