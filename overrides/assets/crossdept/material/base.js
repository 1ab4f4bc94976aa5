// Material for MkDocs (MIT licence), partials/javascripts/base.html, moved out of the page so the
// Content-Security-Policy allows no inline script (hosting/nginx.conf). The only change: the site
// root comes from this file's own URL (two folders below it), not from a per-page relative path.
// tests/site/test_csp.py checks the rest is still Material's code after an upgrade.
__md_scope=new URL("../../",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
